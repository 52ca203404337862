// Decoded values, for traces and reports only (never in the search loop). They are already in
// the Informal Trace Format (ITF) used by Apalache and Quint, so `--json` and ITF output need no
// conversion: ints are JSON numbers, enum members strings, sets {"#set": [...]}, maps
// {"#map": [[k, v], ...]}, sequences arrays, records objects, options Quint-style variants.

export type Value =
  | boolean
  | number
  | string
  | readonly Value[]
  | { readonly '#set': readonly Value[] }
  | { readonly '#map': readonly (readonly [Value, Value])[] }
  | { readonly tag: 'None' | 'Some'; readonly value: Value }
  | { readonly [field: string]: Value };

// A decoded state: shared variables and locks by name, then `inst.pc` and `inst.local` keys,
// in a fixed order.
export type DecodedState = Readonly<Record<string, Value>>;
