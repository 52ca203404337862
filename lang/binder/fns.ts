// Facts about function declarations read from their ASTs. Functions may not be recursive,
// directly or mutually: finds cycles in the call graph and reports each once (KLP2008) with its
// path. Every call is inlined in the generated explorer, so a function calling another several
// times grows exponentially with the depth of such calls: one whose inlined body would pass
// MAX_INLINED expressions is KLP2021, before generation would take minutes. Functions may read the state (like TLA+ operators), which only matters where there is
// no state yet: `statefulFns` finds the ones that do, directly or through their callees.

import type * as ast from '../ast.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';

// Expressions in a function's body once every call in it is inlined. A body in the shipped specs
// has at most a few hundred; the generated code for a million takes half a minute to build.
export const MAX_INLINED = 200_000;

// Call only once checkRecursion found no cycle.
export function checkInlinedSize(fns: readonly ast.FnDecl[], diags: Diagnostic[]): void {
  const byName = new Map(fns.map((f) => [f.name.name, f]));
  const sizes = new Map<string, number>();
  const sizeOf = (e: ast.Expr): number => {
    const callee = e.kind === 'call' ? byName.get(e.callee.name) : undefined;
    return 1 + (callee === undefined ? 0 : fnSize(callee)) + subExprs(e).reduce((n, x) => n + sizeOf(x), 0);
  };
  const fnSize = (f: ast.FnDecl): number => {
    let size = sizes.get(f.name.name);
    if (size === undefined) sizes.set(f.name.name, (size = sizeOf(f.body)));
    return size;
  };
  for (const f of fns) {
    const size = fnSize(f);
    if (size <= MAX_INLINED) continue;
    const calls = new Map<string, number>();
    for (const n of callsIn(f.body)) if (byName.has(n)) calls.set(n, (calls.get(n) ?? 0) + 1);
    const most = [...calls].sort((a, b) => b[1] - a[1])[0];
    const hint = most === undefined ? undefined : `'${f.name.name}' calls '${most[0]}' ${most[1]} time(s); bind a result used more than once with \`let v = ${most[0]}(...); ...\``;
    diags.push(diag('KLP2021', f.name.span, { name: f.name.name, size: size.toLocaleString('en-US'), limit: MAX_INLINED.toLocaleString('en-US') }, hint === undefined ? {} : { hint }));
    return; // its callers are larger still: one report
  }
}

export function checkRecursion(fns: readonly ast.FnDecl[], diags: Diagnostic[]): void {
  const byName = new Map(fns.map((f) => [f.name.name, f]));
  const callees = new Map(fns.map((f) => [f.name.name, [...new Set(callsIn(f.body))].filter((n) => byName.has(n))]));
  const state = new Map<string, 'active' | 'finished'>();
  const reported = new Set<string>();
  const stack: string[] = [];
  const visit = (name: string): void => {
    state.set(name, 'active');
    stack.push(name);
    for (const c of callees.get(name) ?? []) {
      if (state.get(c) === 'active') {
        const cycle = stack.slice(stack.indexOf(c));
        if (!cycle.some((n) => reported.has(n))) {
          cycle.forEach((n) => reported.add(n));
          diags.push(diag('KLP2008', byName.get(c)!.name.span, { name: c, path: [...cycle, c].join(' -> ') }));
        }
      } else if (!state.has(c)) visit(c);
    }
    stack.pop();
    state.set(name, 'finished');
  };
  for (const f of fns) if (!state.has(f.name.name)) visit(f.name.name);
}

// The functions whose body reads a shared variable, a pc, a process local or a lock, directly
// or through a function it calls. `isStateName` tells whether a free name denotes state.
export function statefulFns(fns: readonly ast.FnDecl[], isStateName: (name: string) => boolean): Set<string> {
  const direct = (f: ast.FnDecl): boolean => readsState(f.body, new Set(f.params.map((p) => p.name.name)), isStateName);
  const stateful = new Set(fns.filter(direct).map((f) => f.name.name));
  for (let changed = true; changed; ) {
    changed = false;
    for (const f of fns) {
      if (!stateful.has(f.name.name) && callsIn(f.body).some((c) => stateful.has(c))) {
        stateful.add(f.name.name);
        changed = true;
      }
    }
  }
  return stateful;
}

function readsState(e: ast.Expr, bound: ReadonlySet<string>, isStateName: (name: string) => boolean): boolean {
  switch (e.kind) {
    case 'name': return !bound.has(e.name.name) && isStateName(e.name.name);
    case 'at': case 'localOf': return true;
    case 'call': if (e.callee.name === 'locked') return true; break;
    case 'let': return readsState(e.value, bound, isStateName) || readsState(e.body, new Set([...bound, e.name.name]), isStateName);
    case 'quant': return readsState(e.domain, bound, isStateName) || readsState(e.body, new Set([...bound, e.binder.name]), isStateName);
    case 'setComp': case 'seqComp': {
      const inner = new Set([...bound, e.binder.name]);
      return readsState(e.domain, bound, isStateName) || readsState(e.elem, inner, isStateName) || (e.filter !== undefined && readsState(e.filter, inner, isStateName));
    }
    case 'mapLit': return readsState(e.value, new Set([...bound, e.binder.name]), isStateName);
    default: break;
  }
  return subExprs(e).some((x) => readsState(x, bound, isStateName));
}

function callsIn(e: ast.Expr): string[] {
  const here = e.kind === 'call' ? [e.callee.name] : [];
  return [...here, ...subExprs(e).flatMap(callsIn)];
}

export function subExprs(e: ast.Expr): ast.Expr[] {
  switch (e.kind) {
    case 'int': case 'bool': case 'none': case 'self': case 'name': return [];
    case 'unary': return [e.operand];
    case 'binary': return [e.left, e.right];
    case 'ite': return [e.cond, e.then, e.else];
    case 'let': return [e.value, e.body];
    case 'quant': return [e.domain, e.body];
    case 'call': return [...e.args];
    case 'index': return [e.target, e.index];
    case 'field': return [e.target];
    case 'withIndex': return [e.target, e.index, e.value];
    case 'withField': return [e.target, e.value];
    case 'setLit': case 'seqLit': return [...e.elems];
    case 'setComp': case 'seqComp': return [e.elem, e.domain, ...(e.filter ? [e.filter] : [])];
    case 'mapLit': return [e.value];
    case 'recordLit': return e.fields.map((f) => f.value);
    case 'at': case 'localOf': return e.instance ? [e.instance] : [];
    case 'temporal': return [e.operand];
    case 'leadsto': return [e.left, e.right];
  }
}
