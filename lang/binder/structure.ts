// The PlusCal-style rules that keep a process body cut cleanly into finite atomic steps, checked
// on the AST before steps are extracted. In: a process declaration. Out: its labels in program
// order (the pc numbering), each label's fairness (its own, else the process's), and
// diagnostics KLP4001-KLP4009.

import type * as ast from '../ast.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';

const FORBIDDEN_IN_FOR = new Set(['goto', 'either', 'choose', 'await', 'lock', 'unlock', 'while']);

interface Walk {
  readonly process: string;
  readonly diags: Diagnostic[];
  readonly labels: ast.Ident[];
  readonly fairness: ast.Fairness[];
  readonly processFairness: ast.Fairness;
}

export function checkStructure(p: ast.ProcessDecl, diags: Diagnostic[]): { labels: ast.Ident[]; fairness: ast.Fairness[] } {
  const w: Walk = { process: p.name.name, diags, labels: [], fairness: [], processFairness: p.fairness };
  const first = p.body.stmts[0];
  if (first?.kind !== 'label') diags.push(diag('KLP4001', first?.span ?? p.name.span, { process: w.process }));
  block(w, p.body.stmts, undefined);
  return { labels: w.labels, fairness: w.fairness };
}

// `inside` names the enclosing `for` or `choose`, if any (innermost).
function block(w: Walk, stmts: readonly ast.Stmt[], inside: 'for' | 'choose' | undefined): void {
  stmts.forEach((s, i) => {
    const next = stmts[i + 1];
    if (inside === 'for' && FORBIDDEN_IN_FOR.has(s.kind)) w.diags.push(diag('KLP4004', s.span, { stmt: s.kind }));
    switch (s.kind) {
      case 'label': label(w, s.name, s.fairness ?? w.processFairness, inside); break;
      case 'while':
        if (stmts[i - 1]?.kind !== 'label') w.diags.push(diag('KLP4002', s.span));
        break;
      case 'goto':
        if (next && next.kind !== 'label') w.diags.push(diag('KLP4009', next.span, { after: 'goto' }));
        break;
      case 'if': case 'either':
        if (next && next.kind !== 'label' && containsLabel([s])) w.diags.push(diag('KLP4005', s.span, { construct: s.kind }));
        break;
      case 'let': {
        const later = firstLabel(stmts.slice(i + 1));
        if (later) w.diags.push(diag('KLP4006', later.span, { name: later.name, local: s.name.name }));
        break;
      }
    }
    for (const [body, ctx] of children(s, inside)) block(w, body, ctx);
  });
}

function label(w: Walk, name: ast.Ident, fairness: ast.Fairness, inside: 'for' | 'choose' | undefined): void {
  if (inside) {
    w.diags.push(diag('KLP4003', name.span, { construct: inside }));
    return;
  }
  if (name.name === 'done') {
    w.diags.push(diag('KLP4008', name.span, { name: name.name }));
    return;
  }
  const prev = w.labels.find((l) => l.name === name.name);
  if (prev) {
    w.diags.push(diag('KLP4007', name.span, { name: name.name, process: w.process }, { related: [{ span: prev.span, message: 'first used here' }] }));
    return;
  }
  w.labels.push(name);
  w.fairness.push(fairness);
}

// The statement's nested blocks, each with the `for`/`choose` it is inside.
export function children(s: ast.Stmt, inside: 'for' | 'choose' | undefined): [readonly ast.Stmt[], 'for' | 'choose' | undefined][] {
  switch (s.kind) {
    case 'if': return [[s.then.stmts, inside], ...(s.else ? [[s.else.stmts, inside] as [readonly ast.Stmt[], typeof inside]] : [])];
    case 'either': return s.branches.map((b) => [b.stmts, inside]);
    case 'while': return [[s.body.stmts, inside]];
    case 'choose': return [[s.body.stmts, inside === 'for' ? 'for' : 'choose']];
    case 'for': return [[s.body.stmts, 'for']];
    default: return [];
  }
}

function firstLabel(stmts: readonly ast.Stmt[]): ast.Ident | undefined {
  for (const s of stmts) {
    if (s.kind === 'label') return s.name;
    for (const [body] of children(s, undefined)) {
      const l = firstLabel(body);
      if (l) return l;
    }
  }
  return undefined;
}

function containsLabel(stmts: readonly ast.Stmt[]): boolean {
  return firstLabel(stmts) !== undefined;
}
