// The one catalog of diagnostic codes. A code is stable once released: tests pin them and users
// search for them. Messages take {placeholders} filled by `diag()`. Ranges:
//   KLP1xxx lexing and syntax        KLP2xxx names and declarations
//   KLP3xxx types and values         KLP4xxx process structure (labels, steps)
//   KLP5xxx files and variants       KLP6xxx command-line input (constants, options)

import type { Severity } from './diagnostic.js';

interface Entry {
  readonly severity: Severity;
  readonly message: string;
}

export const catalog = {
  // lexing and syntax
  KLP1001: { severity: 'error', message: 'Unexpected character {char}.' },
  KLP1002: { severity: 'error', message: 'Unterminated string literal.' },
  KLP1003: { severity: 'error', message: 'Unterminated block comment.' },
  KLP1004: { severity: 'error', message: 'Expected {expected} but found {found}.' },
  KLP1005: { severity: 'error', message: 'Integer literal {text} is too large.' },
  KLP1006: { severity: 'error', message: "'variant of' must be the first declaration of the file." },
  KLP1007: { severity: 'error', message: 'Malformed {what} comprehension: expected {forms}.' },
  KLP1008: { severity: 'error', message: "Unknown escape sequence '{text}' in a string." },
  KLP1009: { severity: 'error', message: 'This is nested too deeply to parse.' },
  KLP1010: { severity: 'error', message: 'This {what} is {depth} levels deep, more than the {max} klpc accepts.' },

  // names and declarations
  KLP2001: { severity: 'error', message: "Unknown name '{name}'." },
  KLP2002: { severity: 'error', message: "'{name}' is already declared." },
  KLP2003: { severity: 'error', message: "Unknown type '{name}'." },
  KLP2004: { severity: 'error', message: "Unknown process '{name}'." },
  KLP2005: { severity: 'error', message: "Process '{process}' has no label '{name}'." },
  KLP2006: { severity: 'error', message: "Unknown lock '{name}'." },
  KLP2007: { severity: 'error', message: "Process '{process}' has no local variable '{name}'." },
  KLP2008: { severity: 'error', message: "Function '{name}' is recursive (through {path}); functions must terminate." },
  KLP2009: { severity: 'error', message: "Constant '{name}' depends on itself." },
  KLP2010: { severity: 'error', message: "'{name}' is not assignable: only variables and process locals can be assigned." },
  KLP2011: { severity: 'error', message: "'self' is only available inside a process with a parameter." },
  KLP2012: { severity: 'error', message: "Unknown function '{name}'." },
  KLP2013: { severity: 'error', message: "Function '{name}' expects {expected} argument(s) but got {actual}." },
  KLP2014: { severity: 'warning', message: "Variable '{name}' is never read." },
  // (binder additions)
  KLP2015: { severity: 'error', message: "'holds' is only available inside a process." },
  KLP2017: { severity: 'error', message: "Type '{name}' is defined in terms of itself." },
  KLP2018: { severity: 'error', message: "Process '{name}' has a parameter: refer to one instance as {name}[i]." },
  KLP2019: { severity: 'error', message: "Process '{name}' has no parameter: refer to it as {name}, without an index." },
  KLP2020: { severity: 'error', message: "'{name}' is a {what}, not a value." },

  // types and values
  KLP2021: { severity: 'error', message: "Function '{name}' expands to {size} expressions once its calls are inlined, more than the {limit} klpc accepts." },
  KLP3001: { severity: 'error', message: "Type mismatch: expected {expected} but found {actual}." },
  KLP3002: { severity: 'error', message: "Operator '{op}' cannot be applied to {actual}." },
  KLP3003: { severity: 'error', message: "Type {type} is not finite: {why}." },
  KLP3004: { severity: 'error', message: "Constant expression expected: {why}." },
  KLP3005: { severity: 'error', message: 'Empty range {lo}..{hi}.' },
  KLP3006: { severity: 'error', message: "Type {type} has no field '{name}'." },
  KLP3007: { severity: 'error', message: 'Cannot index a value of type {type}.' },
  KLP3008: { severity: 'error', message: 'Cannot infer the element type of an empty {what}; use it where a type is expected.' },
  KLP3009: { severity: 'error', message: 'Initial value {value} of {name} is outside its type {type}.' },
  KLP3010: { severity: 'error', message: 'Record is missing field(s) {names} of {type}.' },
  KLP3011: { severity: 'error', message: 'The state is too large: {why}.' },
  KLP3012: { severity: 'error', message: 'Division by zero in a constant expression.' },
  KLP3013: { severity: 'error', message: '{what} {value}, outside the integers klpc computes exactly (-9007199254740991..9007199254740991).' },
  KLP3014: { severity: 'error', message: 'Range {lo}..{hi} does not fit in 32 bits: integers in the state are 32-bit.' },
  KLP3015: { severity: 'error', message: '{what} would depend on the order of the values of symmetric type {type}.' },
  KLP3016: { severity: 'error', message: "A symmetric type must be declared once: as a type alias or as a process parameter's type." },
  KLP3017: { severity: 'error', message: "Temporal operator '{op}' is only allowed in a property." },
  KLP3018: { severity: 'error', message: 'Unsupported temporal property: {why}.' },
  KLP3019: { severity: 'error', message: "Property '{name}' expands to {count} instances, more than the {max} the checker allows." },

  // process structure
  KLP4001: { severity: 'error', message: "The body of process '{process}' must start with a label." },
  KLP4002: { severity: 'error', message: "A 'while' loop must be labeled: put a label right before it." },
  KLP4003: { severity: 'error', message: "Labels are not allowed inside '{construct}'." },
  KLP4004: { severity: 'error', message: "'{stmt}' is not allowed inside 'for'." },
  KLP4005: { severity: 'error', message: "This '{construct}' contains a label, so the statement after it must be labeled." },
  KLP4006: { severity: 'error', message: "Label '{name}' would end the scope of step-local '{local}' mid-step; move the 'let' after the label." },
  KLP4007: { severity: 'error', message: "Label '{name}' is already used in process '{process}'." },
  KLP4008: { severity: 'error', message: "'{name}' is a reserved label name." },
  KLP4009: { severity: 'warning', message: "This statement is unreachable: it follows a '{after}'." },
  KLP4010: { severity: 'warning', message: "No step is fair, so property '{name}' holds only if nothing has to happen: without fairness any state may repeat forever." },

  // files and variants
  KLP5001: { severity: 'error', message: "Cannot read '{path}': {reason}." },
  KLP5002: { severity: 'error', message: "Variant chain is cyclic: {path}." },
  KLP5003: { severity: 'error', message: "Cannot {action} step {process}.{label}: it does not exist." },
  KLP5004: { severity: 'error', message: "Cannot {action} {what} '{name}': the base spec has none." },
  KLP5005: { severity: 'error', message: "The replacement of step {process}.{label} must start with label '{label}'." },
  KLP5006: { severity: 'error', message: "'{what}' declarations are only allowed in a variant ('variant of \"base.klp\"')." },
  KLP5007: { severity: 'error', message: "Replacement of function '{name}' must keep its signature: {why}." },
  KLP5008: { severity: 'error', message: 'Cannot remove step {process}.{label}: {why}.' },
  KLP5009: { severity: 'error', message: "'{path}' has no declarations: it is empty or holds only comments." },
  KLP5010: { severity: 'error', message: "'{path}' is not a klp spec: no declaration in it parses, and it does not start with one." },

  // command-line input
  KLP6001: { severity: 'error', message: "Unknown constant '{name}' in --const." },
  KLP6002: { severity: 'error', message: "Malformed --const '{text}': expected NAME=VALUE with an integer or boolean value." },
  KLP6003: { severity: 'error', message: "Unknown invariant '{name}' in --invariant." },
  KLP6004: { severity: 'error', message: "Cannot write '{path}': {reason}." },
  KLP6005: { severity: 'error', message: "Not writing '{path}': the state graph has {count} states, more than --dot-limit {limit}." },
  KLP6006: { severity: 'error', message: "Cannot create '{path}': {reason}." },
  KLP6007: { severity: 'error', message: "Refusing the compile cache '{path}': {reason}." },
  KLP6008: { severity: 'error', message: "Unknown property '{name}' in --property." },
  KLP6009: { severity: 'error', message: '--spill cannot check temporal properties: they need the whole state graph in memory.' },
  // klpc diff (KLP6010-KLP6019)
  KLP6010: { severity: 'error', message: "Cannot compare '{name}' in --view: {why}." },
} as const satisfies Record<string, Entry>;

export type Code = keyof typeof catalog;
