// Assignment targets: `x`, `m[k]`, `r.f`, `m[k].f[i]`. In: an ast.LValue. Out: a Place rooted
// at a shared variable or a local of the running instance, with map keys fitted to the key
// type, or undefined after a diagnostic (KLP2010 for names that cannot be assigned).

import type * as ast from '../ast.js';
import { diag } from '../diagnostics/diagnostic.js';
import type { Place, PlaceStep } from '../program.js';
import { typeToString, type Type } from '../types.js';
import { coerce } from './coerce.js';
import { lookupBound, type Cx } from './context.js';
import { check, checkInt } from './expr.js';
import { fieldIndex } from './literals.js';
import { nameExpr } from './names.js';
import { ERR } from './typeops.js';

export function bindPlace(cx: Cx, lv: ast.LValue): Place | undefined {
  const root = placeRoot(cx, lv.root);
  if (!root) return undefined;
  let type = root.type;
  const path: PlaceStep[] = [];
  for (const step of lv.path) {
    const next = placeStep(cx, type, step);
    if (!next) return undefined;
    path.push(next.step);
    type = next.type;
  }
  return { root: root.root, rootType: root.type, path, type };
}

function placeRoot(cx: Cx, id: ast.Ident): { root: Place['root']; type: Type } | undefined {
  const bound = lookupBound(cx, id.name) !== undefined;
  const isParam = cx.proc?.decl.param?.name.name === id.name;
  const local = bound ? undefined : cx.proc?.locals.get(id.name);
  if (local) return { root: { kind: 'local', index: local.index }, type: local.type };
  const sym = bound || isParam ? undefined : cx.g.names.get(id.name);
  if (sym?.kind === 'var') return { root: { kind: 'var', index: sym.index }, type: cx.g.varTypes[sym.index]! };
  if (!bound && !isParam && !sym) nameExpr(cx, id); // reports the unknown name with its hint
  else cx.diags.push(diag('KLP2010', id.span, { name: id.name }));
  return undefined;
}

function placeStep(cx: Cx, t: Type, step: ast.LValueStep): { step: PlaceStep; type: Type } | undefined {
  if (step.kind === 'field') {
    const index = fieldIndex(cx, t, step.field);
    return index === undefined ? undefined : { step: { kind: 'field', index }, type: (t as Type & { kind: 'record' }).fields[index]!.type };
  }
  if (t.kind === 'map') return { step: { kind: 'mapKey', key: coerce(cx, check(cx, step.index, t.key), t.key) }, type: t.value };
  if (t.kind === 'seq') return { step: { kind: 'seqIndex', index: checkInt(cx, step.index), span: step.span }, type: t.elem };
  if (t !== ERR) cx.diags.push(diag('KLP3007', step.span, { type: typeToString(t) }));
  return undefined;
}
