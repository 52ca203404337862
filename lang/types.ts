// Semantic types, shared by the binder's output (the typed program), the reference interpreter
// and the compiler. Every type is finite and fully known: constants have been folded, so an int
// is a concrete range and a sequence has a concrete bound. Integer expressions get their static
// range by interval arithmetic, so `x + 1` with `x: 0..3` has type 1..4.

export type Type =
  | { readonly kind: 'bool' }
  | { readonly kind: 'int'; readonly lo: number; readonly hi: number; readonly sym?: Symmetry }
  | { readonly kind: 'enum'; readonly name: string; readonly members: readonly string[] }
  | { readonly kind: 'record'; readonly fields: readonly RecordField[] }
  | { readonly kind: 'set'; readonly elem: Type }
  | { readonly kind: 'seq'; readonly elem: Type; readonly max: number }
  | { readonly kind: 'map'; readonly key: Type; readonly value: Type }
  | { readonly kind: 'option'; readonly inner: Type };

// A symmetric int range (a scalarset): its values are interchangeable, so the checker may
// explore one state per class of states equal up to a permutation of them (any permutation, or
// only the rotations of a ring). A distinct type: it mixes with no other int type.
export interface Symmetry {
  readonly name: string; // the alias, or `symmetric 1..3 (p)` for process p's parameter
  readonly ring: boolean;
}

export interface RecordField {
  readonly name: string;
  readonly type: Type;
}

export const BOOL: Type = { kind: 'bool' };

export function intType(lo: number, hi: number): Type {
  return { kind: 'int', lo, hi };
}

// The number of values of a finite scalar type (bool, int range, enum); the domain of sets,
// map keys, quantifiers and process parameters.
export function domainSize(t: Type): number {
  switch (t.kind) {
    case 'bool': return 2;
    case 'int': return t.hi - t.lo + 1;
    case 'enum': return t.members.length;
    default: throw new Error(`domainSize of non-scalar type ${typeToString(t)}`);
  }
}

// Scalar values are numbers everywhere below the binder: bool 0/1, int itself, enum ordinal.
// The i-th value (0-based) of a scalar domain, and the position of a value in it.
export function domainValue(t: Type, i: number): number {
  return t.kind === 'int' ? t.lo + i : i;
}
export function domainIndex(t: Type, v: number): number {
  return t.kind === 'int' ? v - t.lo : v;
}

export function isScalarDomain(t: Type): boolean {
  return t.kind === 'bool' || t.kind === 'int' || t.kind === 'enum';
}

export function typeToString(t: Type): string {
  switch (t.kind) {
    case 'bool': return 'bool';
    case 'int': return t.sym !== undefined ? t.sym.name : `${t.lo}..${t.hi}`;
    case 'enum': return t.name;
    case 'record': return `record { ${t.fields.map((f) => `${f.name}: ${typeToString(f.type)}`).join(', ')} }`;
    case 'set': return `Set[${typeToString(t.elem)}]`;
    case 'seq': return `Seq[${typeToString(t.elem)}, ${t.max}]`;
    case 'map': return `Map[${typeToString(t.key)}, ${typeToString(t.value)}]`;
    case 'option': return `${typeToString(t.inner)}?`;
  }
}

// The type of an expression that already produced a diagnostic (the binder's poison), compared
// by identity: compatible with everything, so one mistake is reported once. Never in a Program.
export const ERR: Type = Object.freeze({ kind: 'int', lo: 0, hi: 0 }) as Type;

// Enum and symmetric type names are unique within a program, so the rendered form identifies a type.
export function typeEquals(a: Type, b: Type): boolean {
  return typeToString(a) === typeToString(b);
}

// The least type containing both, or undefined when their shapes differ. T joined with U? is
// (T join U)?: the T side is then converted with `some`.
export function join(a: Type, b: Type): Type | undefined {
  if (a === ERR) return b;
  if (b === ERR) return a;
  if (a.kind === 'option' && b.kind !== 'option') return optionOf(join(a.inner, b));
  if (b.kind === 'option' && a.kind !== 'option') return optionOf(join(a, b.inner));
  switch (a.kind) {
    case 'bool': return b.kind === 'bool' ? BOOL : undefined;
    case 'int':
      if (b.kind !== 'int' || !sameSymmetry(a, b)) return undefined;
      return a.sym !== undefined ? a : intType(Math.min(a.lo, b.lo), Math.max(a.hi, b.hi));
    case 'enum': return b.kind === 'enum' && b.name === a.name ? a : undefined;
    case 'set': return b.kind === 'set' ? setOf(join(a.elem, b.elem)) : undefined;
    case 'option': return b.kind === 'option' ? optionOf(join(a.inner, b.inner)) : undefined;
    case 'seq': {
      if (b.kind !== 'seq') return undefined;
      const elem = join(a.elem, b.elem);
      return elem && { kind: 'seq', elem, max: Math.max(a.max, b.max) };
    }
    case 'map': {
      if (b.kind !== 'map' || !typeEquals(a.key, b.key)) return undefined;
      const value = join(a.value, b.value);
      return value && { kind: 'map', key: a.key, value };
    }
    case 'record': {
      if (b.kind !== 'record' || !sameFieldNames(a, b)) return undefined;
      const fields = a.fields.map((f) => ({ name: f.name, type: join(f.type, fieldType(b, f.name)!) }));
      return fields.every((f) => f.type) ? { kind: 'record', fields: fields as { name: string; type: Type }[] } : undefined;
    }
  }
}

// Both plain ints, or both of the same symmetric type.
export function sameSymmetry(a: Type & { kind: 'int' }, b: Type & { kind: 'int' }): boolean {
  return a.sym?.name === b.sym?.name;
}

// The symmetric type of a value, if it has one.
export function symmetryOf(t: Type): Symmetry | undefined {
  return t.kind === 'int' ? t.sym : undefined;
}

function setOf(elem: Type | undefined): Type | undefined {
  return elem && { kind: 'set', elem };
}
function optionOf(inner: Type | undefined): Type | undefined {
  return inner && { kind: 'option', inner };
}

export function sameFieldNames(a: Type & { kind: 'record' }, b: Type & { kind: 'record' }): boolean {
  return a.fields.length === b.fields.length && a.fields.every((f) => fieldType(b, f.name) !== undefined);
}

export function fieldType(t: Type & { kind: 'record' }, name: string): Type | undefined {
  return t.fields.find((f) => f.name === name)?.type;
}
