// Assembles everything the generated module contains, as named pieces of TypeScript: the
// initial-state enumerator, one function per (process, label) step, the successor dispatcher,
// one function per invariant and per property predicate, pack/unpack, decode and the metadata. `emit.ts` turns these
// pieces into a source file with ts-morph.

import type { Program } from '../../lang/program.js';
import type { TemporalMeta } from '../../runtime/model.js';
import { planLayout, slotsOf } from '../layout.js';
import { planPacking } from '../pack.js';
import { planSymmetry } from '../symmetry.js';
import { FnBuilder } from './builder.js';
import { descriptor, tsType } from './descriptors.js';
import { forEachMember, lowerExpr } from './expr.js';
import { ModuleGen } from './module.js';
import { asScalar, invariantFail, stepFail, type Ctx } from './operand.js';
import { generateProperties } from './properties.js';
import { lowerStmts } from './stmt.js';
import { commentText, key, quote, stepFunction } from './text.js';
import { copyValue, valueOfIndex } from './values.js';

export interface GenFunction {
  readonly name: string;
  readonly params: readonly (readonly [string, string])[];
  readonly returnType: string;
  readonly body: string;
  readonly doc?: string;
}

export interface GeneratedModel {
  readonly program: Program;
  readonly stateFields: readonly (readonly [string, string])[]; // decoded State: key, TS type
  readonly buffers: readonly { name: string; size: number; init?: string }[];
  readonly functions: readonly GenFunction[];
  readonly meta: string; // a ModelMeta literal
  readonly predicates: number; // named predicate0.. in `functions`
  readonly slots: number;
  readonly words: number;
}

const STEP_PARAMS: readonly (readonly [string, string])[] = [
  ['cur', 'Int32Array'], ['s', 'Int32Array'], ['sink', 'Sink'], ['base', 'number'], ['self', 'number'], ['inst', 'number'], ['stepId', 'number'],
];

export function generateModel(program: Program): GeneratedModel {
  const layout = planLayout(program);
  const mod = new ModuleGen(program, layout);
  const functions: GenFunction[] = [];
  const ctxFor = (fb: FnBuilder, proc: number | undefined, failMode: 'step' | 'invariant'): Ctx =>
    ({ fb, mod, proc, bound: new Map(), fail: failMode === 'step' ? stepFail(fb) : invariantFail(fb) });

  functions.push(generateInit(program, mod, ctxFor));
  program.processes.forEach((p, pi) => {
    p.steps.forEach((step) => {
      const fb = new FnBuilder('return;');
      fb.line('s.set(cur);');
      lowerStmts(ctxFor(fb, pi, 'step'), step.body);
      functions.push({ name: stepFunction(p.name, p.labels[step.label]!.name), params: STEP_PARAMS, returnType: 'void', body: fb.body(), doc: commentText(`${p.name}.${p.labels[step.label]!.name}`) });
    });
  });
  functions.push(generateSuccessors(program, mod));
  program.invariants.forEach((inv, i) => {
    const fb = new FnBuilder('return false;');
    const v = asScalar(lowerExpr(ctxFor(fb, undefined, 'invariant'), inv.expr));
    fb.line(`return ${v};`);
    functions.push({ name: `invariant${i}`, params: [['s', 'Int32Array']], returnType: 'boolean', body: fb.body(), doc: commentText(`invariant ${inv.name}`) });
  });
  const properties = generateProperties(program, mod);
  functions.push(...properties.functions);
  const pcs = program.processes.flatMap((p, pi) => p.instances.map((_, k) => `s[${layout.procs[pi]!.base + k * layout.procs[pi]!.stride}] === ${p.labels.length}`));
  functions.push({ name: 'allDone', params: [['s', 'Int32Array']], returnType: 'boolean', body: `  return ${pcs.length ? pcs.join(' && ') : 'true'};` });
  const packing = planPacking(layout.leaves);
  functions.push({ name: 'pack', params: [['src', 'Int32Array'], ['dst', 'Int32Array'], ['off', 'number']], returnType: 'void', body: packing.packBody });
  functions.push({ name: 'unpack', params: [['src', 'Int32Array'], ['off', 'number'], ['dst', 'Int32Array']], returnType: 'void', body: packing.unpackBody });
  const { body: decodeBody, fields } = generateDecode(program, layout);
  functions.push({ name: 'decode', params: [['s', 'Int32Array']], returnType: 'State', body: decodeBody });
  const meta = generateMeta(program, mod, properties.meta);
  return { program, stateFields: fields, buffers: mod.buffers, functions, meta, predicates: properties.functions.length, slots: layout.slots, words: packing.words };
}

type CtxFor = (fb: FnBuilder, proc: number | undefined, failMode: 'step' | 'invariant') => Ctx;

// Nested loops over the nondeterministic initial values: each innermost iteration is one
// initial state. Processes' locals are initialised per instance (they may read `self`).
function generateInit(program: Program, mod: ModuleGen, ctxFor: CtxFor): GenFunction {
  const fb = new FnBuilder('return;');
  fb.line('const stepId = -1;');
  fb.line('s.fill(0);');
  interface Slot { readonly v: Program['vars'][number]; readonly off: number; readonly proc?: number; readonly self?: number }
  const slots: Slot[] = program.vars.map((v, i) => ({ v, off: mod.layout.vars[i]!.off }));
  program.processes.forEach((p, pi) => {
    const pl = mod.layout.procs[pi]!;
    p.instances.forEach((self, k) => p.locals.forEach((v, li) => slots.push({ v, off: pl.base + k * pl.stride + pl.locals[li]!.off, proc: pi, self })));
  });
  const emitFrom = (i: number): void => {
    const slot = slots[i];
    if (!slot) {
      fb.line('sink.emit(-1);');
      return;
    }
    fb.open('');
    if (slot.proc !== undefined) fb.line(`const self = ${slot.self}; void self;`);
    const ctx = ctxFor(fb, slot.proc, 'step');
    const { v } = slot;
    if (v.init.kind === 'value') {
      copyValue(ctx, lowerExpr(ctx, v.init.expr), v.init.expr.type, 's', String(slot.off), v.type);
      emitFrom(i + 1);
    } else {
      const set = v.init.set;
      const buf = mod.buffer(slotsOf(set.type));
      copyValue(ctx, lowerExpr(ctx, set), set.type, buf, '0', set.type);
      forEachMember(ctx, { arr: buf, off: '0' }, set.type, -1, () => {
        copyValue(ctx, ctx.bound.get(-1)!, (set.type as { elem: typeof v.type }).elem, 's', String(slot.off), v.type);
        emitFrom(i + 1);
      });
    }
    fb.close();
  };
  emitFrom(0);
  return { name: 'init', params: [['s', 'Int32Array'], ['sink', 'Sink']], returnType: 'void', body: fb.body() };
}

function generateSuccessors(program: Program, mod: ModuleGen): GenFunction {
  const fb = new FnBuilder('return;');
  program.processes.forEach((p, pi) => {
    const pl = mod.layout.procs[pi]!;
    const k = `k${pi}`;
    fb.open(`for (let ${k} = 0; ${k} < ${p.instances.length}; ${k}++)`);
    fb.line(`const base = ${pl.base} + ${k} * ${pl.stride};`);
    const self = p.param ? valueOfIndex(p.param.type, k) : '0';
    const selfNum = p.param?.type.kind === 'bool' ? k : self;
    fb.open('switch (cur[base])');
    p.steps.forEach((st) => {
      const stepId = `${pl.stepBase} + ${k} * ${p.labels.length} + ${st.label}`;
      fb.line(`case ${st.label}: ${stepFunction(p.name, p.labels[st.label]!.name)}(cur, next, sink, base, ${selfNum}, ${p.firstInstance} + ${k}, ${stepId}); break;`);
    });
    fb.close();
    fb.close();
  });
  return { name: 'successors', params: [['cur', 'Int32Array'], ['next', 'Int32Array'], ['sink', 'Sink']], returnType: 'void', body: fb.body() };
}

function instanceName(p: Program['processes'][number], value: number): string {
  if (!p.param) return p.name;
  const t = p.param.type;
  return `${p.name}[${t.kind === 'enum' ? t.members[value] : t.kind === 'bool' ? String(value !== 0) : value}]`;
}

function generateDecode(program: Program, layout: ReturnType<typeof planLayout>): { body: string; fields: [string, string][] } {
  const fields: [string, string][] = [];
  const lines: string[] = [];
  program.vars.forEach((v, i) => {
    fields.push([v.name, tsType(v.type)]);
    lines.push(`${key(v.name)}: dec(s, ${layout.vars[i]!.off}, ${descriptor(v.type)}),`);
  });
  const names = program.processes.flatMap((p) => p.instances.map((v) => instanceName(p, v)));
  program.locks.forEach((l, i) => {
    fields.push([l.name, 'string']);
    lines.push(`${key(l.name)}: s[${layout.locks[i]}] === 0 ? 'free' : INSTANCES[s[${layout.locks[i]}]! - 1]!,`);
  });
  program.processes.forEach((p, pi) => {
    const pl = layout.procs[pi]!;
    const labels = quoteAll([...p.labels.map((l) => l.name), 'done']);
    p.instances.forEach((v, k) => {
      const name = instanceName(p, v);
      const b = pl.base + k * pl.stride;
      fields.push([`${name}.pc`, 'string']);
      lines.push(`${key(`${name}.pc`)}: ${labels}[s[${b}]!]!,`);
      p.locals.forEach((l, li) => {
        fields.push([`${name}.${l.name}`, tsType(l.type)]);
        lines.push(`${key(`${name}.${l.name}`)}: dec(s, ${b + pl.locals[li]!.off}, ${descriptor(l.type)}),`);
      });
    });
  });
  // lock owners are shown by instance name; specs without locks need no name table
  const table = program.locks.length > 0 ? [`const INSTANCES = ${quoteAll(names)};`] : [];
  const body = [...table, 'return {', ...lines.map((l) => '  ' + l), '} as unknown as State;'];
  return { body: body.map((l) => '  ' + l).join('\n'), fields };
}

function quoteAll(xs: readonly string[]): string {
  return `[${xs.map(quote).join(', ')}]`;
}

function generateMeta(program: Program, mod: ModuleGen, properties: readonly TemporalMeta[]): string {
  const loc = (sp: { file: string; line: number; col: number }) => ({ file: sp.file, line: sp.line, col: sp.col });
  const instances = program.processes.flatMap((p) => p.instances.map((v) => ({ name: instanceName(p, v), process: p.name })));
  const steps = program.processes.flatMap((p) => p.instances.flatMap((_, k) => p.labels.map((l) => ({ instance: p.firstInstance + k, label: l.name, loc: loc(l.span), fairness: l.fairness }))));
  const meta = {
    name: program.name,
    instances,
    steps,
    invariants: program.invariants.map((i) => ({ name: i.name, loc: loc(i.span) })),
    properties,
    sites: mod.sites,
    vars: [...program.vars.map((v) => v.name), ...program.locks.map((l) => l.name)],
  };
  const symmetry = planSymmetry(program, mod.layout);
  return JSON.stringify(symmetry === undefined ? meta : { ...meta, symmetry });
}
