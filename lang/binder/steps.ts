// Step extraction (PlusCal): cuts a structurally valid process body into one label-free
// statement list per label. A step runs from its label to the next label reached in program
// order (which becomes `goto` that label), the end of a `while` body (`goto` the while's label)
// or the end of the body (`goto done`). A labeled `while c { b } rest` becomes
// `if c { b } else { rest }`. A `goto` ends the step wherever it is (early exit): statements
// after an `if` whose branches may `goto` still run on the paths that fall through.

import type * as ast from '../ast.js';
import type { Span } from '../span.js';
import { children } from './structure.js';

// What runs when a statement list falls off its end: a goto, nothing (the enclosing list
// continues), or the rest of an enclosing list (when the step starts inside a branch).
type Cont =
  | { readonly kind: 'goto'; readonly target: ast.Ident; readonly span: Span }
  | { readonly kind: 'fall' }
  | { readonly kind: 'rest'; readonly stmts: readonly ast.Stmt[]; readonly from: number; readonly next: Cont };

export interface AstStep {
  readonly label: ast.Ident;
  readonly body: readonly ast.Stmt[];
}

export const DONE = 'done';

export function extractSteps(body: ast.Block): AstStep[] {
  const done: Cont = { kind: 'goto', target: { name: DONE, span: body.span }, span: body.span };
  const steps: AstStep[] = [];
  walk(body.stmts, done, steps);
  return steps;
}

// Finds every label in program order and extracts its step with the continuation in force there.
function walk(stmts: readonly ast.Stmt[], k: Cont, steps: AstStep[]): void {
  stmts.forEach((s, i) => {
    if (s.kind === 'label') steps.push({ label: s.name, body: run(stmts, i + 1, k) });
    if (s.kind === 'while') {
      walk(s.body.stmts, loopBack(stmts, i), steps);
      return;
    }
    const after: Cont = { kind: 'rest', stmts, from: i + 1, next: k };
    for (const [body, inside] of children(s, undefined)) if (inside === undefined) walk(body, after, steps);
  });
}

function loopBack(stmts: readonly ast.Stmt[], i: number): Cont {
  const l = stmts[i - 1];
  if (l?.kind !== 'label') throw new Error('internal: an unlabeled while reached step extraction');
  return { kind: 'goto', target: l.name, span: stmts[i]!.span };
}

function goto(target: ast.Ident, span: Span): ast.Stmt {
  return { kind: 'goto', target, span };
}

// stmts[from..] up to the first label reached, then `k`.
function run(stmts: readonly ast.Stmt[], from: number, k: Cont): ast.Stmt[] {
  const out: ast.Stmt[] = [];
  for (let i = from; i < stmts.length; i++) {
    const s = stmts[i]!;
    switch (s.kind) {
      case 'label': return [...out, goto(s.name, s.span)];
      case 'goto': return [...out, s];
      case 'while': {
        const body = { ...s.body, stmts: run(s.body.stmts, 0, loopBack(stmts, i)) };
        const rest = { stmts: run(stmts, i + 1, k), span: s.span };
        return [...out, { kind: 'if', cond: s.cond, then: body, else: rest, span: s.span }];
      }
      default: {
        const t = inner(s);
        out.push(t);
        if (alwaysEnds(t)) return out;
      }
    }
  }
  switch (k.kind) {
    case 'goto': return [...out, goto(k.target, k.span)];
    case 'fall': return out;
    case 'rest': return [...out, ...run(k.stmts, k.from, k.next)];
  }
}

// A statement whose nested blocks fall through to what follows it.
function inner(s: ast.Stmt): ast.Stmt {
  const fall: Cont = { kind: 'fall' };
  const sub = (b: ast.Block): ast.Block => ({ ...b, stmts: run(b.stmts, 0, fall) });
  switch (s.kind) {
    case 'if': return { ...s, then: sub(s.then), else: s.else && sub(s.else) };
    case 'either': return { ...s, branches: s.branches.map(sub) };
    case 'choose': case 'for': return { ...s, body: sub(s.body) };
    default: return s;
  }
}

// True when every path through `s` ends in a goto.
function alwaysEnds(s: ast.Stmt): boolean {
  const ends = (b: ast.Block | undefined) => b !== undefined && b.stmts.some(alwaysEnds);
  switch (s.kind) {
    case 'goto': return true;
    case 'if': return ends(s.then) && ends(s.else);
    case 'either': return s.branches.every(ends);
    case 'choose': return ends(s.body);
    default: return false;
  }
}
