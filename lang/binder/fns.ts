// Facts about function declarations read from their ASTs. Functions may not be recursive,
// directly or mutually: finds cycles in the call graph and reports each once (KLP2008) with its
// path. Functions may read the state (like TLA+ operators), which only matters where there is
// no state yet: `statefulFns` finds the ones that do, directly or through their callees.

import type * as ast from '../ast.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';

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
