// What a generated expression or statement can refer to at one point of a printed spec: the
// shared variables, the running instance's local `c`, the other instances' locals (read only)
// and the names bound around it, each turned into the atoms (ints, bools, sets) it offers and
// the assignments it accepts. Atoms that may raise a spec error (unwrap, last) come last.

import type { SpecShape, VarKind, VarShape } from './gen.js';

export const COLORS = ['Red', 'Green', 'Blue'];
const MAX_INSTANCES = 4;

export interface ProcInfo {
  readonly name: string;
  readonly param: boolean; // parameterized over 1..2 (if the instance budget allows)
  readonly local: VarShape | null; // its local `c`
  readonly labels: number;
}

export interface Decls {
  readonly vars: readonly VarShape[]; // named v0, v1, ...
  readonly locks: number;
  readonly procs: readonly ProcInfo[];
}

export interface Scope {
  readonly d: Decls;
  readonly proc: number | undefined; // the process whose body is printed
  readonly bound: readonly string[]; // names bound by choose/for/let/quantifiers, innermost last
  readonly inFor: boolean;
  readonly nested: boolean; // inside a block statement (a `let` is then allowed)
}

// A sequence location: a Seq[0..hi, 2] or a Seq[record { a: 0..hi, f: bool }, 2].
export interface SeqTarget {
  readonly expr: string;
  readonly hi: number;
  readonly rec: boolean;
}

interface VarRef {
  readonly expr: string;
  readonly kind: VarKind;
  readonly hi: number;
  readonly writable: boolean;
}

// A literal each compound kind is compared with, so structural equality gets exercised.
const EQUAL: Partial<Record<VarKind, string>> = {
  seq: '[1]', set: '{1}', map: '[k in 0..1 |-> k]', rec: '{ f: true, a: 1 }', opt: 'some(1)',
  nest: '[k in 0..1 |-> [k]]', rseq: '[{ a: 1, f: true }]',
};

export function declsOf(shape: SpecShape): Decls {
  let instances = 0;
  const procs = shape.procs.map((p, k) => {
    const param = p.param && instances + 2 <= MAX_INSTANCES;
    instances += param ? 2 : 1;
    return { name: `P${k}`, param, local: p.local, labels: p.blocks.length };
  });
  return { vars: shape.vars, locks: shape.locks, procs };
}

export function topScope(d: Decls, proc: number | undefined): Scope {
  return { d, proc, bound: [], inFor: false, nested: false };
}

function visible(sc: Scope): VarRef[] {
  const { d, proc } = sc;
  const ref = (expr: string, v: VarShape, writable: boolean) => ({ expr, kind: v.kind, hi: v.hi, writable });
  const own = proc === undefined ? null : d.procs[proc]!.local;
  return [
    ...d.vars.map((v, i) => ref(`v${i}`, v, true)),
    ...(own === null ? [] : [ref('c', own, true)]),
    ...d.procs.flatMap((p) => (p.local === null ? [] : [ref(p.param ? `${p.name}[2].c` : `${p.name}.c`, p.local, false)])),
  ];
}

function seqsOf(v: VarRef): SeqTarget[] {
  if (v.kind === 'seq' || v.kind === 'rseq') return [{ expr: v.expr, hi: v.hi, rec: v.kind === 'rseq' }];
  return v.kind === 'nest' ? [0, 1].map((k) => ({ expr: `${v.expr}[${k}]`, hi: v.hi, rec: false })) : [];
}

export function seqTargets(sc: Scope): SeqTarget[] {
  return visible(sc).filter((v) => v.writable).flatMap(seqsOf);
}

export function setTargets(sc: Scope): VarRef[] {
  return visible(sc).filter((v) => v.writable && v.kind === 'set');
}

export function optTargets(sc: Scope): VarRef[] {
  return visible(sc).filter((v) => v.writable && v.kind === 'opt');
}

export function enumTargets(sc: Scope): string[] {
  return visible(sc).filter((v) => v.writable && v.kind === 'enum').map((v) => v.expr);
}

// Int locations, each with its range and how to print an assignment of x to it.
export function intTargets(sc: Scope): { hi: number; assign: (x: string) => string }[] {
  return visible(sc).filter((v) => v.writable).flatMap((v) => {
    const to = (place: string) => ({ hi: v.hi, assign: (x: string) => `${place} := ${x}` });
    switch (v.kind) {
      case 'int': return [to(v.expr)];
      case 'map': return [to(`${v.expr}[0]`), to(`${v.expr}[1]`)];
      case 'rec': return [{ hi: v.hi, assign: (x: string) => `${v.expr} := ${v.expr} with .a = ${x}` }];
      default: return [];
    }
  });
}

export function boolTargets(sc: Scope): ((x: string) => string)[] {
  return visible(sc).filter((v) => v.writable).flatMap((v) => {
    if (v.kind === 'bool') return [(x: string) => `${v.expr} := ${x}`];
    return v.kind === 'rec' ? [(x: string) => `${v.expr}.f := ${x}`] : [];
  });
}

export function intAtoms(sc: Scope): string[] {
  const vars = visible(sc);
  const { d, proc } = sc;
  const self = proc !== undefined && d.procs[proc]!.param ? ['self', 'i'] : [];
  const early = vars.flatMap((v): string[] => {
    const seqs = seqsOf(v).flatMap((q) => [`len(${q.expr})`, `(if len(${q.expr}) > 0 then ${q.expr}[0]${q.rec ? '.a' : ''} else 0)`]);
    switch (v.kind) {
      case 'int': return [v.expr];
      case 'set': return [`card(${v.expr})`];
      case 'map': return [`${v.expr}[0]`, `${v.expr}[1]`];
      case 'rec': return [`${v.expr}.a`];
      case 'opt': return [`(if is_some(${v.expr}) then unwrap(${v.expr}) else 0)`];
      default: return seqs;
    }
  });
  const late = vars.flatMap((v) => [
    ...(v.kind === 'opt' ? [`unwrap(${v.expr})`] : []),
    ...seqsOf(v).map((q) => (q.rec ? `last(${q.expr}).a` : `last(${q.expr})`)),
  ]);
  return [...sc.bound, ...early, ...self, ...late];
}

export function boolAtoms(sc: Scope): string[] {
  const { d, proc } = sc;
  const vars = visible(sc).flatMap((v): string[] => {
    const seqs = seqsOf(v).map((q) => (q.rec ? `(exists j in 0..len(${q.expr}) - 1: ${q.expr}[j].f)` : `contains(${q.expr}, 1)`));
    switch (v.kind) {
      case 'bool': return [v.expr];
      case 'enum': return [`(${v.expr} == ${COLORS[v.hi % 3]})`];
      case 'rec': return [`${v.expr}.f`];
      case 'opt': return [`is_some(${v.expr})`];
      default: return seqs;
    }
  });
  const equalities = visible(sc).flatMap((v) => (EQUAL[v.kind] === undefined ? [] : [`(${v.expr} == ${EQUAL[v.kind]})`]));
  const locks = Array.from({ length: d.locks }, (_, m) => [`locked(m${m})`, ...(proc === undefined ? [] : [`holds(m${m})`])]).flat();
  const pcs = d.procs.flatMap((p) => Array.from({ length: p.labels + 1 }, (_, j) =>
    `${p.name}${p.param ? `[${1 + (j % 2)}]` : ''}@${j === p.labels ? 'done' : `l${j}`}`));
  return [...vars, ...locks, ...equalities, ...pcs];
}

// Int sequences that can be read, as a comprehension's domain.
export function seqAtoms(sc: Scope): string[] {
  return visible(sc).flatMap(seqsOf).filter((q) => !q.rec).map((q) => q.expr);
}

export function setAtoms(sc: Scope): string[] {
  return [...visible(sc).filter((v) => v.kind === 'set').map((v) => v.expr), 'Small'];
}
