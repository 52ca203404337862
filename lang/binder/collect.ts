// The first binder pass: every top-level name into one global table (constants, enums and their
// members, type aliases, variables, locks, functions, processes share one namespace; invariants,
// temporal properties and named asserts have their own: all three are named in verdicts). In:
// the merged declarations. Out: Globals with names and enum types filled, and KLP2002 for each
// duplicate, pointing back at the first declaration.

import type * as ast from '../ast.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Type } from '../types.js';
import { BUILTIN_NAMES } from './calls.js';
import { children } from './structure.js';
import type { GlobalSym, Globals } from './context.js';

export function collect(decls: readonly ast.Decl[], sources: ReadonlyMap<string, string>, diags: Diagnostic[]): Globals {
  const g: Globals = { names: new Map(), consts: new Map(), types: new Map(), varTypes: [], fnSigs: [], procs: [], varReads: new Set(), statefulFns: new Set(), folds: new WeakMap(), sources };
  const counts = { var: 0, lock: 0, fn: 0, process: 0 };
  const invariants = new Map<string, ast.Ident>();
  // `sym` is only built for a new name, so indexes stay dense
  const declare = (id: ast.Ident, sym: () => GlobalSym) => {
    const first = g.names.get(id.name);
    if (first) diags.push(duplicate(id, identOf(first)));
    else g.names.set(id.name, sym());
  };
  for (const d of decls) {
    switch (d.kind) {
      case 'const': declare(d.name, () => ({ kind: 'const', decl: d })); break;
      case 'type': declare(d.name, () => ({ kind: 'type', decl: d })); break;
      case 'enum': {
        const type: Type = { kind: 'enum', name: d.name.name, members: d.members.map((m) => m.name) };
        declare(d.name, () => ({ kind: 'enum', decl: d, type }));
        if (!g.types.has(d.name.name)) g.types.set(d.name.name, type);
        d.members.forEach((m, ordinal) => declare(m, () => ({ kind: 'member', ident: m, type, ordinal })));
        break;
      }
      case 'var': declare(d.name, () => ({ kind: 'var', decl: d, index: counts.var++ })); break;
      case 'lock': declare(d.name, () => ({ kind: 'lock', decl: d, index: counts.lock++ })); break;
      case 'fn':
        if (BUILTIN_NAMES.includes(d.name.name)) diags.push(diag('KLP2002', d.name.span, { name: d.name.name }, { hint: `'${d.name.name}' is a built-in function` }));
        else declare(d.name, () => ({ kind: 'fn', decl: d, index: counts.fn++ }));
        break;
      case 'process': declare(d.name, () => ({ kind: 'process', decl: d, index: counts.process++ })); break;
      case 'invariant': case 'property': {
        const first = invariants.get(d.name.name);
        if (first) diags.push(duplicate(d.name, first));
        else invariants.set(d.name.name, d.name);
        break;
      }
      default: break; // variant-only declarations are consumed (or reported) by the loader
    }
  }
  for (const d of decls) if (d.kind === 'process') assertNames(d.body.stmts, invariants, diags);
  return g;
}

// A named assert reports as a property next to the invariants, so it may not take an invariant's
// name or `deadlock`; asserts may share a name (one property, failing wherever one fails).
function assertNames(stmts: readonly ast.Stmt[], invariants: ReadonlyMap<string, ast.Ident>, diags: Diagnostic[]): void {
  for (const s of stmts) {
    if (s.kind === 'assert' && s.name !== undefined) {
      const inv = invariants.get(s.name.name);
      if (inv) diags.push(duplicate(s.name, inv));
      else if (s.name.name === 'deadlock') diags.push(diag('KLP2002', s.name.span, { name: 'deadlock' }, { hint: "'deadlock' names the built-in deadlock check" }));
    }
    for (const [body] of children(s, undefined)) assertNames(body, invariants, diags);
  }
}

export function duplicate(id: ast.Ident, first: ast.Ident): Diagnostic {
  return diag('KLP2002', id.span, { name: id.name }, { related: [{ span: first.span, message: `'${id.name}' is first declared here` }] });
}

function identOf(s: GlobalSym): ast.Ident {
  return s.kind === 'member' ? s.ident : s.decl.name;
}
