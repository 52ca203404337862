// Expressions about process instances: `P[i]@label` and `P[i].local`. An instance expression
// selects the instance by its position in the parameter's domain; the binder fitted it to the
// parameter type, so only an out-of-range value from an unfitted path needs the check.

import type { Expr } from '../../lang/program.js';

import { lowerExpr, stableScalar } from './expr.js';
import { asScalar, scalar, type Ctx, type Operand } from './operand.js';
import { indexInDomain, load } from './values.js';

function instanceIndex(ctx: Ctx, process: number, instance: Expr | undefined): string {
  const p = ctx.mod.program.processes[process]!;
  if (!instance || !p.param) return '0';
  const v = asScalar(lowerExpr(ctx, instance));
  const k = stableScalar(ctx, indexInDomain(p.param.type, v));
  const pt = p.param.type, it = instance.type;
  if (!(pt.kind === 'int' && it.kind === 'int') || (it.lo >= pt.lo && it.hi <= pt.hi)) return k;
  const site = ctx.mod.site('instance', `no such instance of ${p.name}`, instance.span);
  ctx.fb.open(`if (${k} < 0 || ${k} >= ${p.instances.length})`);
  ctx.fail(site, v);
  ctx.fb.close();
  return k;
}

export function lowerAt(ctx: Ctx, e: Expr & { kind: 'at' }): Operand {
  const pl = ctx.mod.layout.procs[e.process]!;
  const k = instanceIndex(ctx, e.process, e.instance);
  return scalar(`(s[${pl.base} + ${k} * ${pl.stride}] === ${e.label})`);
}

export function lowerLocalOf(ctx: Ctx, e: Expr & { kind: 'localOf' }): Operand {
  const pl = ctx.mod.layout.procs[e.process]!;
  const k = instanceIndex(ctx, e.process, e.instance);
  const l = pl.locals[e.index]!;
  return load('s', `${pl.base} + ${k} * ${pl.stride} + ${l.off}`, e.type);
}
