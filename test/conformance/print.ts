// Prints a generated SpecShape as .klp source. Every reference in the shape is an index resolved
// modulo what is in scope (falling back to a literal when nothing is), every int stored into a
// variable is kept in range by a conditional or `%` unless the shape asks for a raw store, and
// statements a context forbids (await in a for, let before a label, ...) print as `skip;`.

import type { BlockShape, BoolE, Fairness, IntE, ProcShape, PropertyShape, SeqE, SetE, SpecShape, Stmt, VarShape } from './gen.js';
import {
  boolAtoms, boolTargets, COLORS, declsOf, enumTargets, intAtoms, intTargets, optTargets, seqAtoms, seqTargets, setAtoms,
  setTargets, topScope, type Decls, type Scope, type SeqTarget,
} from './scope.js';

export function printSpec(shape: SpecShape): string {
  const d = declsOf(shape);
  // sel's parameters are narrower than what the generator computes: a call may be a domain error
  const out = [`enum Color { ${COLORS.join(', ')} }`, 'type Small = 0..2', 'fn sel(c: bool, a: -6..6, b: -6..6): -6..6 = if c then a else b'];
  shape.vars.forEach((v, i) => out.push(`var ${varDecl(`v${i}`, v, false)}`));
  for (let m = 0; m < d.locks; m++) out.push(`lock m${m}`);
  shape.procs.forEach((p, k) => out.push(...procDecl(d, p, k)));
  shape.invariants.forEach((inv, i) => out.push(`invariant Inv${i}: ${bool(topScope(d, undefined), inv)}`));
  shape.properties.forEach((p, i) => out.push(`property Prop${i}: ${temporal(topScope(d, undefined), p)}`));
  return out.join('\n') + '\n';
}

function temporal(sc: Scope, p: PropertyShape): string {
  const inner = p.quant ? { ...sc, bound: [...sc.bound, 'y0'] } : sc;
  const [a, b] = [bool(inner, p.p), bool(inner, p.q)];
  const body = p.form === 'always' ? `always ${a}` : p.form === 'eventually' ? `eventually ${a}` : p.form === 'leadsto' ? `${a} leadsto ${b}`
    : p.form === 'alwaysEventually' ? `always eventually ${a}` : `eventually always ${a}`;
  return p.quant ? `forall y0 in 0..1: ${body}` : body;
}

function fairnessWord(f: Fairness): string {
  return f === 'weak' ? 'fair ' : f === 'strong' ? 'strong fair ' : 'unfair ';
}

// `name: type = init` (or `in {...}`); `self - 1` makes a parameterized instance's int local differ.
function varDecl(name: string, v: VarShape, param: boolean): string {
  switch (v.kind) {
    case 'int': return `${name}: 0..${v.hi} ${v.oneOf ? `in {0, ${v.hi}}` : param ? '= self - 1' : '= 0'}`;
    case 'bool': return `${name}: bool ${v.oneOf ? 'in {false, true}' : '= false'}`;
    case 'enum': return `${name}: Color ${v.oneOf ? 'in {Red, Blue}' : '= Red'}`;
    case 'seq': return `${name}: Seq[0..${v.hi}, 2] = ${v.oneOf ? '[1]' : '[]'}`;
    case 'nest': return `${name}: Map[0..1, Seq[0..${v.hi}, 2]] = [k in 0..1 |-> ${v.oneOf ? '[k]' : '[]'}]`;
    case 'rseq': return `${name}: Seq[record { a: 0..${v.hi}, f: bool }, 2] = ${v.oneOf ? '[{ a: 1, f: false }]' : '[]'}`;
    case 'set': return `${name}: Set[0..${v.hi}] = ${v.oneOf ? '{1}' : '{}'}`;
    case 'map': return `${name}: Map[0..1, 0..${v.hi}] = [k in 0..1 |-> ${v.oneOf ? 'k' : '0'}]`;
    case 'rec': return `${name}: record { a: 0..${v.hi}, f: bool } = { a: 0, f: ${v.oneOf} }`;
    case 'opt': return `${name}: 0..${v.hi}? = ${v.oneOf ? 'some(1)' : 'none'}`;
  }
}

function procDecl(d: Decls, p: ProcShape, k: number): string[] {
  const info = d.procs[k]!;
  const out = [`${p.fair === 'unfair' ? '' : fairnessWord(p.fair)}process ${info.name}${info.param ? '(i: 1..2)' : ''} {`];
  if (p.local) out.push(`  var ${varDecl('c', p.local, info.param)}`);
  p.blocks.forEach((b, j) => out.push(...blockText(topScope(d, k), b, j)));
  out.push('}');
  return out;
}

function blockText(sc: Scope, b: BlockShape, j: number): string[] {
  const label = `${b.fair === null ? '' : fairnessWord(b.fair)}l${j}`;
  if (b.loop === null) return [`  ${label}:`, ...stmts(sc, b.body, '    ')];
  return [`  ${label}: while ${bool(sc, b.loop)} {`, ...stmts({ ...sc, nested: true }, b.body, '    '), '  }'];
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
    case 'setInt': return pick(intTargets(sc), s.t, (t) => [`${ind}${t.assign(stored(sc, s.e, t.hi, s.store))};`]) ?? skip;
    case 'setBool': return pick(boolTargets(sc), s.t, (assign) => [`${ind}${assign(bool(sc, s.e))};`]) ?? skip;
    case 'setOpt': return pick(optTargets(sc), s.t, (o) => [`${ind}${o.expr} := ${s.e === null ? 'none' : `some(${stored(sc, s.e, o.hi, 'clamp')})`};`]) ?? skip;
    case 'setEnum': return pick(enumTargets(sc), s.t, (e) => [`${ind}${e} := if ${bool(sc, s.c)} then ${COLORS[s.a]} else ${COLORS[s.b]};`]) ?? skip;
    case 'seqOp': return pick(seqTargets(sc), s.t, (q) => seqOp(sc, q, s, ind)) ?? skip;
    case 'seqComp': return pick(seqTargets(sc), s.t, (q) => {
      const c = seq(sc, s.q, (inner) => {
        const x = stored(inner, s.q.elem, q.hi, s.store);
        return q.rec ? `{ a: ${x}, f: true }` : x;
      });
      return [s.guard ? `${ind}if len(${c}) <= 2 { ${q.expr} := ${c}; }` : `${ind}${q.expr} := ${c};`];
    }) ?? skip;
    case 'setOp': return pick(setTargets(sc), s.t, (S) =>
      [`${ind}${S.expr} := ${S.expr} ${s.op === 'add' ? `union {${stored(sc, s.e, S.hi, 'clamp')}}` : `diff {${int(sc, s.e)}}`};`]) ?? skip;
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
    // the binder also forbids unlock inside for (docs/language.md lists only lock)
    case 'lock': case 'unlock': return sc.d.locks === 0 || sc.inFor ? skip : [`${ind}${s.k}(${lock(s.m)});`];
    case 'crit': {
      // the body is spliced into the enclosing list, so it gets no lets of its own
      const flat = { ...sc, nested: false };
      if (sc.d.locks === 0 || sc.inFor) return stmts(flat, s.body, ind);
      const body = stmts(flat, s.body, ind);
      const ended = body[body.length - 1]?.trimStart().startsWith('goto ');
      return [`${ind}lock(${lock(s.m)});`, ...body, ...(ended ? [] : [`${ind}unlock(${lock(s.m)});`])];
    }
    case 'assert': return [`${ind}assert ${s.name === undefined ? '' : `A${s.name}: `}${bool(sc, s.e)}${s.e.k === 'lit' ? ', "literal"' : ''};`];
    case 'goto': {
      if (sc.inFor || sc.proc === undefined) return skip;
      return [`${ind}goto l${s.l % sc.d.procs[sc.proc]!.labels};`];
    }
    case 'skip': return skip;
  }
}

// An operation on a sequence location; unguarded ones may overflow or index out of range.
function seqOp(sc: Scope, t: SeqTarget, s: Extract<Stmt, { k: 'seqOp' }>, ind: string): string[] {
  const q = t.expr;
  const guarded = (cond: string, st: string) => (s.guard ? [`${ind}if ${cond} { ${st} }`] : [`${ind}${st}`]);
  const x = stored(sc, s.e, t.hi, 'clamp');
  const elem = t.rec ? `{ a: ${x}, f: ${s.guard} }` : x;
  switch (s.op) {
    case 'append': return guarded(`len(${q}) < 2`, `${q} := append(${q}, ${elem});`);
    case 'tail': case 'pop': return guarded(`len(${q}) > 0`, `${q} := ${s.op}(${q});`);
    case 'put': return guarded(`len(${q}) > 1`, `${q}[1]${t.rec ? '.a' : ''} := ${x};`);
    case 'remove': return [`${ind}${q} := remove(${q}, ${t.rec ? `{ a: ${x}, f: true }` : int(sc, s.e)});`];
  }
}

function pick<T>(xs: readonly T[], i: number, f: (x: T) => string[]): string[] | undefined {
  const x = xs[i % Math.max(xs.length, 1)];
  return x === undefined ? undefined : f(x);
}

// An int expression to be stored into a 0..hi slot.
function stored(sc: Scope, e: IntE, hi: number, store: 'clamp' | 'mod' | 'raw'): string {
  const x = int(sc, e);
  if (store === 'raw') return x;
  if (store === 'mod') return `(${x} % ${hi + 1})`;
  const t = `t${sc.bound.length}`;
  return `(let ${t} = ${x}; if ${t} < 0 then 0 else if ${t} > ${hi} then ${hi} else ${t})`;
}

function int(sc: Scope, e: IntE): string {
  switch (e.k) {
    case 'lit': return String(e.v);
    case 'atom': return pick(intAtoms(sc), e.i, (x) => [x])?.[0] ?? '1';
    case 'bin': return `(${int(sc, e.a)} ${e.op} ${int(sc, e.b)})`;
    case 'ite': return `(if ${bool(sc, e.c)} then ${int(sc, e.a)} else ${int(sc, e.b)})`;
    case 'call': return `sel(${bool(sc, e.c)}, ${int(sc, e.a)}, ${int(sc, e.b)})`;
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
    case 'has': return `contains(${seq(sc, e.q, (inner) => int(inner, e.q.elem))}, ${int(sc, e.a)})`;
  }
}

// `[elem for y in S if p]`, `elem` printing the element in the binder's scope; over `[0, 1]`
// when the shape asks for a sequence and none is in scope.
function seq(sc: Scope, e: SeqE, elem: (inner: Scope) => string): string {
  const name = `y${sc.bound.length}`;
  const inner = { ...sc, bound: [...sc.bound, name] };
  const from = e.from === null ? pick(seqAtoms(sc), e.i, (q) => [q])?.[0] ?? '[0, 1]' : set(sc, e.from);
  return `[${elem(inner)} for ${name} in ${from}${e.filter ? ` if ${bool(inner, e.filter)}` : ''}]`;
}

function set(sc: Scope, e: SetE): string {
  switch (e.k) {
    case 'atom': return pick(setAtoms(sc), e.i, (S) => [S])?.[0] ?? '{0, 1}';
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
