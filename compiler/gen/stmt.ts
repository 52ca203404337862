// Lowers a step's label-free statement tree into the body of its step function. The working
// state `s` starts as a copy of the current state; statements update it in order. A failing
// await ends the path silently; a spec error reports and ends it; a goto sets the pc and emits
// the successor. Nondeterminism (either, choose) saves `s`, and runs each alternative and the
// statements after it in its own labeled block, restoring `s` in between.

import type { Place, Stmt } from '../../lang/program.js';
import type { Type } from '../../lang/types.js';
import { fieldOffset, slotsOf } from '../layout.js';
import { forEachElement, forEachMember, lowerExpr, seqBoundsCheck, stableScalar } from './expr.js';
import { asRef, asScalar, ref, type Ctx } from './operand.js';
import { copyValue, indexInDomain } from './values.js';

export function lowerStmts(ctx: Ctx, stmts: readonly Stmt[]): void {
  for (let i = 0; i < stmts.length; i++) {
    const st = stmts[i]!;
    if (st.kind === 'either' || st.kind === 'choose') {
      lowerBranching(ctx, st, stmts.slice(i + 1));
      return;
    }
    // Each alternative of a nested either/choose must run what follows the `if` too: the
    // statements after it are lowered into both arms (every path ends in its own goto).
    if (st.kind === 'if' && branches(st)) {
      const rest = stmts.slice(i + 1);
      ctx.fb.open(`if (${asScalar(lowerExpr(ctx, st.cond))})`);
      lowerStmts(ctx, [...st.then, ...rest]);
      ctx.fb.else();
      lowerStmts(ctx, [...st.else, ...rest]);
      ctx.fb.close();
      return;
    }
    lowerStmt(ctx, st);
  }
}

function branches(st: Stmt): boolean {
  switch (st.kind) {
    case 'either': case 'choose': return true;
    case 'if': return st.then.some(branches) || st.else.some(branches);
    default: return false;
  }
}

function lowerStmt(ctx: Ctx, st: Stmt): void {
  const { fb, mod } = ctx;
  switch (st.kind) {
    case 'assign': {
      const v = lowerExpr(ctx, st.value);
      const off = placeOffset(ctx, st.target);
      copyValue(ctx, v, st.value.type, 's', off, st.target.type);
      return;
    }
    case 'await':
      fb.line(`if (!${asScalar(lowerExpr(ctx, st.cond))}) ${fb.abort}`);
      return;
    case 'lock': {
      const l = mod.layout.locks[st.lock]!;
      const site = mod.site('relock', `lock ${mod.program.locks[st.lock]!.name} is already held by this process`, st.span);
      fb.open(`if (s[${l}] !== 0)`);
      fb.open(`if (s[${l}] === inst + 1)`);
      ctx.fail(site, 'NaN');
      fb.close();
      fb.line(fb.abort);
      fb.close();
      fb.line(`s[${l}] = inst + 1;`);
      return;
    }
    case 'unlock': {
      const l = mod.layout.locks[st.lock]!;
      const site = mod.site('unlock', `unlock of ${mod.program.locks[st.lock]!.name}, which this process does not hold`, st.span);
      fb.open(`if (s[${l}] !== inst + 1)`);
      ctx.fail(site, 'NaN');
      fb.close();
      fb.line(`s[${l}] = 0;`);
      return;
    }
    case 'if': {
      fb.open(`if (${asScalar(lowerExpr(ctx, st.cond))})`);
      lowerStmts(ctx, st.then);
      if (st.else.length) {
        fb.else();
        lowerStmts(ctx, st.else);
      }
      fb.close();
      return;
    }
    case 'for': {
      const dom = privateCopy(ctx, asRef(lowerExpr(ctx, st.domain)), st.domain.type);
      forEachElement(ctx, dom, st.domain.type, st.binding.id, () => lowerStmts(ctx, st.body));
      return;
    }
    case 'let':
      ctx.bound.set(st.binding.id, stableOperand(ctx, lowerExpr(ctx, st.value), st.value.type));
      return;
    case 'assert': {
      const site = mod.site('assert', st.message, st.span, st.name);
      fb.open(`if (!${asScalar(lowerExpr(ctx, st.cond))})`);
      ctx.fail(site, 'NaN');
      fb.close();
      return;
    }
    case 'goto':
      fb.line(`s[base] = ${st.label};`);
      fb.line('sink.emit(stepId);');
      fb.line(fb.abort);
      return;
    case 'either': case 'choose':
      throw new Error('internal: branching handled by lowerStmts');
  }
}

function lowerBranching(ctx: Ctx, st: Stmt & { kind: 'either' | 'choose' }, rest: readonly Stmt[]): void {
  const { fb, mod } = ctx;
  const save = mod.buffer(mod.layout.slots);
  if (st.kind === 'either') {
    fb.line(`${save}.set(s);`);
    st.branches.forEach((branch, b) => {
      if (b > 0) fb.line(`s.set(${save});`);
      alternative(ctx, [...branch, ...rest]);
    });
    return;
  }
  const dom = privateCopy(ctx, asRef(lowerExpr(ctx, st.domain)), st.domain.type);
  fb.line(`${save}.set(s);`);
  forEachMember(ctx, dom, st.domain.type, st.binding.id, () => {
    fb.line(`s.set(${save});`);
    alternative(ctx, [...st.body, ...rest]);
  });
}

// One nondeterministic alternative in a labeled block: a path that fails or ends leaves the
// block, and the caller restores `s` for the next alternative.
function alternative(ctx: Ctx, stmts: readonly Stmt[]): void {
  const { fb } = ctx;
  const label = fb.tmp('alt');
  fb.open(`${label}:`);
  fb.withAbort(`break ${label};`, () => lowerStmts(ctx, stmts));
  fb.close();
}

// A loop domain read from the state is copied first: the loop body may change the state.
function privateCopy(ctx: Ctx, o: { arr: string; off: string }, t: Type): { arr: string; off: string } {
  if (o.arr !== 's') return o;
  const buf = ctx.mod.buffer(slotsOf(t));
  copyValue(ctx, ref(o.arr, o.off), t, buf, '0', t);
  return { arr: buf, off: '0' };
}

function stableOperand(ctx: Ctx, o: ReturnType<typeof lowerExpr>, t: Type): ReturnType<typeof lowerExpr> {
  if (o.kind === 'scalar') return { kind: 'scalar', js: stableScalar(ctx, o.js) };
  const c = privateCopy(ctx, o, t);
  return ref(c.arr, c.off);
}

// The slot offset (JS expression) of an assignment target, checking sequence indexes.
function placeOffset(ctx: Ctx, p: Place): string {
  const { mod } = ctx;
  let off = p.root.kind === 'var' ? String(mod.layout.vars[p.root.index]!.off) : `base + ${mod.layout.procs[ctx.proc!]!.locals[p.root.index]!.off}`;
  let t = p.rootType;
  for (const step of p.path) {
    if (step.kind === 'field') {
      const rt = t as Type & { kind: 'record' };
      off = `${off} + ${fieldOffset(rt, step.index)}`;
      t = rt.fields[step.index]!.type;
    } else if (step.kind === 'mapKey') {
      const mt = t as Type & { kind: 'map' };
      const k = stableScalar(ctx, indexInDomain(mt.key, asScalar(lowerExpr(ctx, step.key))));
      off = `${off} + ${k} * ${slotsOf(mt.value)}`;
      t = mt.value;
    } else {
      const qt = t as Type & { kind: 'seq' };
      const base = stableScalar(ctx, `(${off})`);
      const i = stableScalar(ctx, asScalar(lowerExpr(ctx, step.index)));
      seqBoundsCheck(ctx, { arr: 's', off: base }, i, step.span);
      off = `${base} + 1 + ${i} * ${slotsOf(qt.elem)}`;
      t = qt.elem;
    }
  }
  return stableScalar(ctx, off);
}
