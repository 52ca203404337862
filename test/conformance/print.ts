// Prints a generated SpecShape as .klp source. Every reference in the shape is an index resolved
// modulo what is in scope (falling back to a literal when nothing is), every int stored into a
// variable is kept in range by a conditional or `%` unless the shape asks for a raw store, and
// statements a context forbids (await in a for, let before a label, ...) print as `skip;`.

import type { BlockShape, BoolE, IntE, ProcShape, SetE, SpecShape, Stmt, VarShape } from './gen.js';

interface Decls {
  readonly ints: readonly { readonly name: string; readonly hi: number }[]; // int vars, all 0..hi
  readonly bools: readonly string[];
  readonly enums: readonly string[];
  readonly seqs: readonly string[]; // Seq[0..2, 2]
  readonly sets: readonly { readonly name: string; readonly hi: number }[]; // Set[0..hi]
  readonly locks: number;
  readonly procs: readonly { readonly name: string; readonly param: boolean; readonly local: boolean; readonly labels: number }[];
}

interface Scope {
  readonly d: Decls;
  readonly proc: number | undefined; // the process whose body is printed
  readonly bound: readonly string[]; // names bound by choose/for/let/quantifiers, innermost last
  readonly inFor: boolean;
  readonly nested: boolean; // inside a block statement (a `let` is then allowed)
}

const COLORS = ['Red', 'Green', 'Blue'];
const MAX_INSTANCES = 4;

export function printSpec(shape: SpecShape): string {
  const d = decls(shape);
  const out = [`enum Color { ${COLORS.join(', ')} }`];
  shape.vars.forEach((v, i) => out.push(varDecl(`v${i}`, v)));
  for (let m = 0; m < d.locks; m++) out.push(`lock m${m}`);
  shape.procs.forEach((p, k) => out.push(...procDecl(d, p, k)));
  shape.invariants.forEach((inv, i) => out.push(`invariant Inv${i}: ${bool(top(d, undefined), inv)}`));
  return out.join('\n') + '\n';
}

function decls(shape: SpecShape): Decls {
  const named = shape.vars.map((v, i) => ({ ...v, name: `v${i}` }));
  let instances = 0;
  const procs = shape.procs.map((p, k) => {
    const param = p.param && instances + 2 <= MAX_INSTANCES;
    instances += param ? 2 : 1;
    return { name: `P${k}`, param, local: p.local !== null, labels: p.blocks.length };
  });
  return {
    ints: named.filter((v) => v.kind === 'int'),
    bools: named.filter((v) => v.kind === 'bool').map((v) => v.name),
    enums: named.filter((v) => v.kind === 'enum').map((v) => v.name),
    seqs: named.filter((v) => v.kind === 'seq').map((v) => v.name),
    sets: named.filter((v) => v.kind === 'set'),
    locks: shape.locks,
    procs,
  };
}

function varDecl(name: string, v: VarShape): string {
  switch (v.kind) {
    case 'int': return `var ${name}: 0..${v.hi} ${v.oneOf ? `in {0, ${v.hi}}` : '= 0'}`;
    case 'bool': return `var ${name}: bool ${v.oneOf ? 'in {false, true}' : '= false'}`;
    case 'enum': return `var ${name}: Color ${v.oneOf ? 'in {Red, Blue}' : '= Red'}`;
    case 'seq': return `var ${name}: Seq[0..2, 2] = ${v.oneOf ? '[1]' : '[]'}`;
    case 'set': return `var ${name}: Set[0..${v.hi}] = ${v.oneOf ? '{1}' : '{}'}`;
  }
}

function procDecl(d: Decls, p: ProcShape, k: number): string[] {
  const info = d.procs[k]!;
  const out = [`process ${info.name}${info.param ? '(i: 1..2)' : ''} {`];
  if (p.local) out.push(`  var c: 0..2 ${p.local.oneOf ? 'in {0, 2}' : info.param ? '= self' : '= 0'};`);
  p.blocks.forEach((b, j) => out.push(...blockText(top(d, k), b, j)));
  out.push('}');
  return out;
}

function top(d: Decls, proc: number | undefined): Scope {
  return { d, proc, bound: [], inFor: false, nested: false };
}

function blockText(sc: Scope, b: BlockShape, j: number): string[] {
  if (b.loop === null) return [`  l${j}:`, ...stmts(sc, b.body, '    ')];
  return [`  l${j}: while ${bool(sc, b.loop)} {`, ...stmts({ ...sc, nested: true }, b.body, '    '), '  }'];
}

// A statement list; it stops after a goto (nothing may follow one).
function stmts(sc: Scope, list: readonly Stmt[], ind: string): string[] {
  const out: string[] = [];
  let scope = sc;
  for (const s of list) {
    if (s.k === 'let' && scope.nested) {
      const name = `y${scope.bound.length}`;
      out.push(`${ind}let ${name} = ${int(scope, s.e)};`);
      scope = { ...scope, bound: [...scope.bound, name] };
      continue;
    }
    out.push(...stmtText(scope, s, ind));
    if (s.k === 'goto' && !scope.inFor) return out;
  }
  return out.length > 0 ? out : [`${ind}skip;`];
}

function stmtText(sc: Scope, s: Stmt, ind: string): string[] {
  const inner = { ...sc, nested: true };
  const block = (body: readonly Stmt[], c: Scope = inner) => stmts(c, body, ind + '  ');
  const lock = (m: number) => `m${m % sc.d.locks}`;
  const skip = [`${ind}skip;`];
  switch (s.k) {
    case 'setInt': {
      const targets = intTargets(sc);
      const t = targets[s.t % Math.max(targets.length, 1)];
      return t ? [`${ind}${t.name} := ${stored(sc, s.e, t.hi, s.store)};`] : skip;
    }
    case 'setBool': return pick(sc.d.bools, s.t, (b) => [`${ind}${b} := ${bool(sc, s.e)};`]) ?? skip;
    case 'setEnum': return pick(sc.d.enums, s.t, (e) => [`${ind}${e} := if ${bool(sc, s.c)} then ${COLORS[s.a]} else ${COLORS[s.b]};`]) ?? skip;
    case 'seqOp': return pick(sc.d.seqs, s.t, (q) => seqOp(sc, q, s, ind)) ?? skip;
    case 'setOp': return pick(sc.d.sets, s.t, (S) =>
      [`${ind}${S.name} := ${S.name} ${s.op === 'add' ? `union {${stored(sc, s.e, S.hi, 'clamp')}}` : `diff {${int(sc, s.e)}}`};`]) ?? skip;
    case 'await': return sc.inFor ? skip : [`${ind}await ${bool(sc, s.e)};`];
    case 'if': {
      const els = s.else.length > 0 ? [`${ind}} else {`, ...block(s.else)] : [];
      return [`${ind}if ${bool(sc, s.c)} {`, ...block(s.then), ...els, `${ind}}`];
    }
    case 'either': {
      if (sc.inFor) return skip;
      return [`${ind}either {`, ...s.branches.flatMap((b, i) => [...(i > 0 ? [`${ind}} or {`] : []), ...block(b)]), `${ind}}`];
    }
    case 'choose': case 'for': {
      if (s.k === 'choose' && sc.inFor) return skip;
      const name = `y${sc.bound.length}`;
      const body = block(s.body, { ...inner, bound: [...sc.bound, name], inFor: sc.inFor || s.k === 'for' });
      return [`${ind}${s.k} ${name} in ${set(sc, s.s)} {`, ...body, `${ind}}`];
    }
    case 'let': return skip; // only reached at the top of a step, where a label follows in its scope
    case 'lock': return sc.d.locks === 0 || sc.inFor ? skip : [`${ind}lock(${lock(s.m)});`];
    case 'unlock': return sc.d.locks === 0 ? skip : [`${ind}unlock(${lock(s.m)});`];
    case 'crit': {
      // the body is spliced into the enclosing list, so it gets no lets of its own
      const flat = { ...sc, nested: false };
      if (sc.d.locks === 0 || sc.inFor) return stmts(flat, s.body, ind);
      const body = stmts(flat, s.body, ind);
      const ended = body[body.length - 1]?.trimStart().startsWith('goto ');
      return [`${ind}lock(${lock(s.m)});`, ...body, ...(ended ? [] : [`${ind}unlock(${lock(s.m)});`])];
    }
    case 'assert': return [`${ind}assert ${bool(sc, s.e)}${s.e.k === 'lit' ? ', "literal"' : ''};`];
    case 'goto': {
      if (sc.inFor || sc.proc === undefined) return skip;
      return [`${ind}goto l${s.l % sc.d.procs[sc.proc]!.labels};`];
    }
    case 'skip': return skip;
  }
}

function seqOp(sc: Scope, q: string, s: Extract<Stmt, { k: 'seqOp' }>, ind: string): string[] {
  const guarded = (cond: string, st: string) => (s.guard ? [`${ind}if ${cond} { ${st} }`] : [`${ind}${st}`]);
  switch (s.op) {
    case 'append': return guarded(`len(${q}) < 2`, `${q} := append(${q}, ${stored(sc, s.e, 2, 'clamp')});`);
    case 'tail': case 'pop': return guarded(`len(${q}) > 0`, `${q} := ${s.op}(${q});`);
    case 'put': return guarded(`len(${q}) > 1`, `${q}[1] := ${stored(sc, s.e, 2, 'clamp')};`);
    case 'remove': return [`${ind}${q} := remove(${q}, ${int(sc, s.e)});`];
  }
}

function pick<T>(xs: readonly T[], i: number, f: (x: T) => string[]): string[] | undefined {
  const x = xs[i % Math.max(xs.length, 1)];
  return x === undefined ? undefined : f(x);
}

function intTargets(sc: Scope): { name: string; hi: number }[] {
  const local = sc.proc !== undefined && sc.d.procs[sc.proc]!.local ? [{ name: 'c', hi: 2 }] : [];
  return [...sc.d.ints, ...local];
}

// An int expression to be stored into a 0..hi slot.
function stored(sc: Scope, e: IntE, hi: number, store: 'clamp' | 'mod' | 'raw'): string {
  const x = int(sc, e);
  if (store === 'raw') return x;
  if (store === 'mod') return `(${x} % ${hi + 1})`;
  const t = `t${sc.bound.length}`;
  return `(let ${t} = ${x}; if ${t} < 0 then 0 else if ${t} > ${hi} then ${hi} else ${t})`;
}

function intAtoms(sc: Scope): string[] {
  const { d, proc } = sc;
  const own = proc === undefined ? [] : [...(d.procs[proc]!.local ? ['c'] : []), ...(d.procs[proc]!.param ? ['self', 'i'] : [])];
  const others = d.procs.filter((p) => p.local).map((p) => (p.param ? `${p.name}[2].c` : `${p.name}.c`));
  return [...sc.bound, ...d.ints.map((v) => v.name), ...own, ...d.seqs.map((q) => `len(${q})`),
    ...d.sets.map((S) => `card(${S.name})`), ...others];
}

function boolAtoms(sc: Scope): string[] {
  const { d, proc } = sc;
  const locks = Array.from({ length: d.locks }, (_, m) => [`locked(m${m})`, ...(proc === undefined ? [] : [`holds(m${m})`])]).flat();
  const pcs = d.procs.flatMap((p) => Array.from({ length: p.labels + 1 }, (_, j) =>
    `${p.name}${p.param ? `[${1 + (j % 2)}]` : ''}@${j === p.labels ? 'done' : `l${j}`}`));
  return [...d.bools, ...d.enums.map((e, k) => `(${e} == ${COLORS[k % 3]})`), ...d.seqs.map((q) => `contains(${q}, 1)`), ...locks, ...pcs];
}

function int(sc: Scope, e: IntE): string {
  switch (e.k) {
    case 'lit': return String(e.v);
    case 'atom': return pick(intAtoms(sc), e.i, (x) => [x])?.[0] ?? '1';
    case 'bin': return `(${int(sc, e.a)} ${e.op} ${int(sc, e.b)})`;
    case 'ite': return `(if ${bool(sc, e.c)} then ${int(sc, e.a)} else ${int(sc, e.b)})`;
  }
}

function bool(sc: Scope, e: BoolE): string {
  switch (e.k) {
    case 'lit': return String(e.v);
    case 'atom': return pick(boolAtoms(sc), e.i, (x) => [x])?.[0] ?? 'true';
    case 'cmp': return `(${int(sc, e.a)} ${e.op} ${int(sc, e.b)})`;
    case 'not': return `(not ${bool(sc, e.a)})`;
    case 'log': return `(${bool(sc, e.a)} ${e.op} ${bool(sc, e.b)})`;
    case 'in': return `(${int(sc, e.a)} ${e.neg ? 'notin' : 'in'} ${set(sc, e.s)})`;
    case 'quant': {
      const name = `y${sc.bound.length}`;
      return `(${e.q} ${name} in ${set(sc, e.s)}: ${bool({ ...sc, bound: [...sc.bound, name] }, e.body)})`;
    }
  }
}

function set(sc: Scope, e: SetE): string {
  switch (e.k) {
    case 'atom': return pick(sc.d.sets, e.i, (S) => [S.name])?.[0] ?? '{0, 1}';
    case 'lit': return e.elems.length === 0 ? `{ y for y in 0..0 if false }` : `{${e.elems.map((x) => int(sc, x)).join(', ')}}`;
    case 'range': return `(${Math.min(e.lo, e.hi)}..${Math.max(e.lo, e.hi)})`;
    case 'op': return `(${set(sc, e.a)} ${e.op} ${set(sc, e.b)})`;
    case 'comp': {
      const name = `y${sc.bound.length}`;
      const inner = { ...sc, bound: [...sc.bound, name] };
      return `{ ${int(inner, e.elem)} for ${name} in ${set(sc, e.s)}${e.filter ? ` if ${bool(inner, e.filter)}` : ''} }`;
    }
  }
}
