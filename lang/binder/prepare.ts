// The signature pass, run once names, constants and aliases are known and before any body is
// bound: variable types, function signatures, and for each process its parameter type, its
// locals' types and its labels (with the structure rules checked on the way).

import type * as ast from '../ast.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Type } from '../types.js';
import { duplicate } from './collect.js';
import type { Globals, ProcInfo } from './context.js';
import { checkStructure } from './structure.js';
import { finite, resolveParamType, resolveType } from './typeexpr.js';

export function prepareSignatures(g: Globals, diags: Diagnostic[]): void {
  for (const sym of g.names.values()) {
    if (sym.kind === 'var') g.varTypes[sym.index] = resolveType(g, diags, sym.decl.type);
    if (sym.kind === 'fn') {
      g.fnSigs[sym.index] = { params: sym.decl.params.map((p) => resolveType(g, diags, p.type)), result: resolveType(g, diags, sym.decl.result) };
    }
    if (sym.kind === 'process') g.procs[sym.index] = prepareProcess(g, diags, sym.index, sym.decl);
  }
}

function prepareProcess(g: Globals, diags: Diagnostic[], index: number, decl: ast.ProcessDecl): ProcInfo {
  const paramType = decl.param && finite(diags, resolveParamType(g, diags, decl.param.type, decl.name.name), decl.param.type);
  const locals = new Map<string, { index: number; type: Type; decl: ast.VarDecl }>();
  const seen = new Map<string, ast.Ident>(decl.param ? [[decl.param.name.name, decl.param.name]] : []);
  for (const l of decl.locals) {
    const first = seen.get(l.name.name);
    const type = resolveType(g, diags, l.type);
    if (first) diags.push(duplicate(l.name, first));
    else {
      seen.set(l.name.name, l.name);
      locals.set(l.name.name, { index: locals.size, type, decl: l });
    }
  }
  const before = diags.length;
  const { labels, fairness } = checkStructure(decl, diags);
  const structureOk = !hasErrors(diags.slice(before));
  return { index, decl, paramType, labels, fairness, locals, structureOk };
}
