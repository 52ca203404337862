// Semantic types, shared by the binder's output (the typed program), the reference interpreter
// and the compiler. Every type is finite and fully known: constants have been folded, so an int
// is a concrete range and a sequence has a concrete bound. Integer expressions get their static
// range by interval arithmetic, so `x + 1` with `x: 0..3` has type 1..4.

export type Type =
  | { readonly kind: 'bool' }
  | { readonly kind: 'int'; readonly lo: number; readonly hi: number }
  | { readonly kind: 'enum'; readonly name: string; readonly members: readonly string[] }
  | { readonly kind: 'record'; readonly fields: readonly RecordField[] }
  | { readonly kind: 'set'; readonly elem: Type }
  | { readonly kind: 'seq'; readonly elem: Type; readonly max: number }
  | { readonly kind: 'map'; readonly key: Type; readonly value: Type }
  | { readonly kind: 'option'; readonly inner: Type };

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
    case 'int': return t.lo === t.hi ? `${t.lo}..${t.hi}` : `${t.lo}..${t.hi}`;
    case 'enum': return t.name;
    case 'record': return `record { ${t.fields.map((f) => `${f.name}: ${typeToString(f.type)}`).join(', ')} }`;
    case 'set': return `Set[${typeToString(t.elem)}]`;
    case 'seq': return `Seq[${typeToString(t.elem)}, ${t.max}]`;
    case 'map': return `Map[${typeToString(t.key)}, ${typeToString(t.value)}]`;
    case 'option': return `${typeToString(t.inner)}?`;
  }
}
