// Statement binding: one extracted (label-free) step body -> typed program statements. A `let`
// puts its binding in scope for the rest of its list. `goto done` and the gotos synthesized by
// step extraction resolve like user gotos; `done` is labels.length.

import type * as ast from '../ast.js';
import { diag } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/render.js';
import type { Stmt } from '../program.js';
import { lockIndex } from './calls.js';
import { coerce } from './coerce.js';
import { sourceText, withBinding, type Cx } from './context.js';
import { check, checkBool, checkIterable, checkSet, elemOf } from './expr.js';
import { bindPlace } from './place.js';
import { DONE } from './steps.js';

export function bindStmts(cx: Cx, stmts: readonly ast.Stmt[]): Stmt[] {
  const out: Stmt[] = [];
  let scope = cx;
  for (const s of stmts) {
    if (s.kind === 'let') {
      const value = check(scope, s.value);
      const inner = withBinding(scope, s.name.name, value.type);
      scope = inner.cx;
      out.push({ kind: 'let', binding: inner.binding, value, span: s.span });
      continue;
    }
    const bound = bindStmt(scope, s);
    if (bound) out.push(bound);
  }
  return out;
}

function bindStmt(cx: Cx, s: ast.Stmt): Stmt | undefined {
  const span = s.span;
  switch (s.kind) {
    case 'assign': {
      const target = bindPlace(cx, s.target);
      const value = check(cx, s.value, target?.type);
      return target && { kind: 'assign', target, value: coerce(cx, value, target.type), span };
    }
    case 'await': return { kind: 'await', cond: checkBool(cx, s.cond), span };
    case 'assert': {
      const message = s.message ?? `assertion failed: ${sourceText(cx.g, s.cond.span)}`;
      return { kind: 'assert', name: s.name?.name, cond: checkBool(cx, s.cond), message, span };
    }
    case 'lock': case 'unlock': {
      const lock = lockIndex(cx, s.lock);
      return lock === undefined ? undefined : { kind: s.kind, lock, span };
    }
    case 'if': return { kind: 'if', cond: checkBool(cx, s.cond), then: bindStmts(cx, s.then.stmts), else: bindStmts(cx, s.else?.stmts ?? []), span };
    case 'either': return { kind: 'either', branches: s.branches.map((b) => bindStmts(cx, b.stmts)), span };
    case 'choose': {
      const domain = checkSet(cx, s.domain);
      const inner = withBinding(cx, s.binder.name, elemOf(domain.type));
      return { kind: 'choose', binding: inner.binding, domain, body: bindStmts(inner.cx, s.body.stmts), span };
    }
    case 'for': {
      const domain = checkIterable(cx, s.domain, "'for' over a set");
      const inner = withBinding(cx, s.binder.name, elemOf(domain.type));
      return { kind: 'for', binding: inner.binding, domain, body: bindStmts(inner.cx, s.body.stmts), span };
    }
    case 'goto': {
      const label = gotoTarget(cx, s.target);
      return label === undefined ? undefined : { kind: 'goto', label, span };
    }
    case 'skip': return undefined;
    case 'label': case 'while': case 'let': throw new Error(`internal: '${s.kind}' reached statement binding`);
  }
}

function gotoTarget(cx: Cx, target: ast.Ident): number | undefined {
  const labels = cx.proc!.labels;
  if (target.name === DONE) return labels.length;
  const i = labels.findIndex((l) => l.name === target.name);
  if (i >= 0) return i;
  const near = closest(target.name, labels.map((l) => l.name));
  cx.diags.push(diag('KLP2005', target.span, { process: cx.proc!.decl.name.name, name: target.name }, near === undefined ? {} : { hint: `did you mean '${near}'?` }));
  return undefined;
}

// The invariant the compiler and the interpreter rely on: every path through a step ends in
// exactly one goto, and nothing follows a goto in its list. A violation is a binder bug.
export function assertEndsInGoto(stmts: readonly Stmt[], where: string): void {
  if (!endsInGoto(stmts, where)) throw new Error(`internal: a path of step ${where} does not end in a goto`);
}

function endsInGoto(stmts: readonly Stmt[], where: string): boolean {
  let ends = false;
  for (const s of stmts) {
    if (ends) throw new Error(`internal: a statement follows a goto in step ${where}`);
    ends = stmtEnds(s, where);
  }
  return ends;
}

function stmtEnds(s: Stmt, where: string): boolean {
  switch (s.kind) {
    case 'goto': return true;
    case 'if': return [endsInGoto(s.then, where), endsInGoto(s.else, where)].every(Boolean);
    case 'either': return s.branches.map((b) => endsInGoto(b, where)).every(Boolean);
    case 'choose': return endsInGoto(s.body, where);
    default: return false; // a for body may not goto (a structure rule)
  }
}
