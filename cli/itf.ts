// A counterexample in the Informal Trace Format (ITF, Apalache ADR-015), read by Apalache, Quint
// and their trace viewers. Decoded values are already ITF-shaped; integers are written as
// {"#bigint": "n"} as Apalache does, since some readers accept only that form. Every key of the
// decoded state (shared variables, locks, `inst.pc`, `inst.local`) is an ITF variable.

import fs from 'node:fs';
import { diag, type Diagnostic } from '../lang/diagnostics/diagnostic.js';
import type { PropertyResult, Trace } from '../runtime/result.js';
import type { Value } from '../runtime/value.js';
import { mostSevereViolation } from './exit-codes.js';
import { errnoReason } from '../lang/files.js';
import type { Io } from './io.js';
import { failureText } from './trace-text.js';

export type ItfValue = boolean | string | { readonly '#bigint': string } | readonly ItfValue[] | { readonly [k: string]: ItfValue };

// A lasso keeps ITF's convention: `loop` is the index of the state the cycle starts at, and the
// last state's successor is that state again (so the copy of it our traces end with is left out).
export function itfDocument(p: PropertyResult, trace: Trace, source: string): object {
  const all = [trace.initial, ...trace.steps.map((s) => s.state)];
  const loop = trace.loop;
  const states = loop !== undefined && loop < trace.steps.length ? all.slice(0, -1) : all;
  return {
    '#meta': {
      format: 'ITF',
      'format-description': 'https://apalache-mc.org/docs/adr/015adr-trace.html',
      source,
      description: `klpc counterexample for ${p.kind} ${p.name}: ${failureText(p, trace)}`,
    },
    vars: Object.keys(trace.initial),
    states: states.map((s, index) => ({ '#meta': { index }, ...toItfState(s) })),
    ...(loop === undefined ? {} : { loop }),
  };
}

function toItfState(s: Readonly<Record<string, Value>>): Record<string, ItfValue> {
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, toItf(v)]));
}

export function toItf(v: Value): ItfValue {
  if (typeof v === 'number') return { '#bigint': String(v) };
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(toItf);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toItf(x as Value)]));
}

// Writes the most severe violation's counterexample; nothing to write is worth a note, not an
// error. Returns the KLP6004 diagnostic when the file cannot be written.
export function writeItf(file: string, spec: string, result: { readonly properties: readonly PropertyResult[] }, io: Io, json: boolean): Diagnostic[] {
  const p = mostSevereViolation(result);
  if (p?.trace === undefined) {
    if (!json) io.err(io.errStyle.dim(`no counterexample: ${file} not written\n`));
    return [];
  }
  try {
    fs.writeFileSync(file, `${JSON.stringify(itfDocument(p, p.trace, spec), null, 2)}\n`);
    return [];
  } catch (e) {
    return [diag('KLP6004', io.cmd.spanOf(file), { path: file, reason: errnoReason(e) })];
  }
}
