// Text from a spec in the generated module, escaped in this one place: names, labels, messages
// and file paths are only ever string literals (JSON, which is valid JS and TS since ES2019, U+2028
// included), object keys computed from such a literal (`[k]: v`, never the `__proto__: v` that
// sets a prototype), or comment text with its line terminators and `*/` escaped. Identifiers in
// the module are made from spec names only by stepFunction, which cannot collide.

export function quote(s: string): string {
  return JSON.stringify(s);
}

export function key(s: string): string {
  return `[${quote(s)}]`;
}

export function commentText(s: string): string {
  return s.replace(/\*\//g, '*\\/').replace(/[\n\r\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// klp names are [A-Za-z_][A-Za-z0-9_]*, so `$` separates them unambiguously (with `_`, process
// p_a's label b and process p's label a_b would both be step_p_a_b).
export function stepFunction(process: string, label: string): string {
  return `step$${process}$${label}`;
}
