// Command-line values that commander cannot check alone: `--const NAME=VALUE` (parsed into the
// map lang/load.ts takes; the binder then rejects unknown names and ill-typed values), and, once
// the spec is loaded, that every --invariant and --property names one of its own. Mistakes are
// diagnostics on the command line (KLP6xxx, exit 151).

import { InvalidArgumentError } from 'commander';
import { diag, type Diagnostic } from '../lang/diagnostics/diagnostic.js';
import { closest } from '../lang/diagnostics/render.js';
import type { CommandLine } from './command-line.js';

export type ConstValue = number | boolean;

const INT32_MAX = 2 ** 31 - 1;

// Later occurrences of the same name win, as with `-D` flags of C compilers.
export function parseConsts(texts: readonly string[], cmd: CommandLine): { consts: Map<string, ConstValue>; diagnostics: Diagnostic[] } {
  const consts = new Map<string, ConstValue>();
  const diagnostics: Diagnostic[] = [];
  for (const text of texts) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(text);
    const value = m === null ? undefined : parseValue(m[2]!);
    if (m === null || value === undefined) {
      const hint = malformedHint(text, m?.[2]);
      diagnostics.push(diag('KLP6002', cmd.spanOf(text), { text }, hint === undefined ? {} : { hint }));
    } else {
      consts.set(m[1]!, value);
    }
  }
  return { consts, diagnostics };
}

function parseValue(text: string): ConstValue | undefined {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (!/^-?[0-9]+$/.test(text)) return undefined;
  const n = Number(text);
  return Math.abs(n) <= INT32_MAX ? n : undefined;
}

function malformedHint(text: string, value: string | undefined): string | undefined {
  if (value === undefined) return text.includes('=') ? 'the name must be an identifier' : `write it as ${text}=VALUE`;
  if (value === '') return 'the value is missing';
  if (/^(true|false)$/i.test(value)) return 'booleans are written `true` and `false`';
  if (/^-?[0-9]+$/.test(value)) return `integers must lie within -${INT32_MAX}..${INT32_MAX}`;
  if (/^-?(0x|0b|0o)/i.test(value) || /^-?[0-9_.]+$/.test(value)) return 'write integers in plain decimal, like 3 or -1';
  return undefined;
}

// `code`: KLP6003 for --invariant, KLP6008 for --property.
export function checkNames(names: readonly string[], known: readonly string[], cmd: CommandLine, code: 'KLP6003' | 'KLP6008'): Diagnostic[] {
  return names.filter((n) => !known.includes(n)).map((name) => diag(code, cmd.spanOf(name), { name }, didYouMean(name, known)));
}

function didYouMean(name: string, known: readonly string[]): { hint?: string } {
  const best = closest(name, known);
  if (best !== undefined) return { hint: `did you mean '${best}'?` };
  return known.length === 0 ? { hint: 'the spec declares none' } : { hint: `known: ${known.join(', ')}` };
}

// Argument parsers for commander: a bad number is a usage error (exit 2).
export function integerOption(min: number, max = Number.MAX_SAFE_INTEGER): (text: string) => number {
  return (text) => {
    const n = Number(text);
    if (!/^[0-9]+$/.test(text) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(max === Number.MAX_SAFE_INTEGER ? `expected an integer >= ${min}.` : `expected an integer from ${min} to ${max}.`);
    }
    return n;
  };
}

// A duration in seconds: `90`, `90s`, `5m`, `2h` (a positive integer and an optional unit).
export function durationOption(text: string): number {
  const m = /^([0-9]+)(s|m|h)?$/.exec(text);
  const n = m === null ? NaN : Number(m[1]) * { s: 1, m: 60, h: 3600 }[m[2] as 's' | 'm' | 'h' ?? 's'];
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a duration such as 90, 90s, 5m or 2h.');
  return n;
}

// A size in bytes: `512MB`, `512M`, `2G`, `1.5GB`, `800KB` or plain bytes (units of 1024).
export function sizeOption(text: string): number {
  const m = /^([0-9]+(?:\.[0-9]+)?)\s*(K|M|G|T)?(i?B)?$/i.exec(text);
  const unit = { '': 1, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40 }[(m?.[2] ?? '').toUpperCase() as '' | 'K' | 'M' | 'G' | 'T'];
  const n = m === null || (m[2] === undefined && m[3] !== undefined && !/^B$/i.test(m[3])) ? NaN : Math.floor(Number(m[1]) * unit);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a size such as 512MB, 2G or 1073741824.');
  return n;
}

// Commander passes `undefined` as the first `previous` (no default, so help shows none).
export function collect(value: string, previous: readonly string[] = []): string[] {
  return [...previous, value];
}
