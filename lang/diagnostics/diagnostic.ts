// Diagnostics are values: every stage returns the ones it found alongside its result instead of
// throwing, so a run can report many at once. A diagnostic has a stable code from the catalog,
// the span it is about, an optional hint and related spans.

import type { Span } from '../span.js';
import { catalog, type Code } from './catalog.js';

export type Severity = 'error' | 'warning';

export interface Related {
  readonly span: Span;
  readonly message: string;
}

export interface Diagnostic {
  readonly code: Code;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly hint?: string;
  readonly related?: readonly Related[];
}

export function diag(code: Code, span: Span, args: Record<string, string | number> = {}, extra: { hint?: string; related?: readonly Related[] } = {}): Diagnostic {
  const entry = catalog[code];
  const message = entry.message.replace(/\{(\w+)\}/g, (_, k: string) => String(args[k] ?? `{${k}}`));
  return { code, severity: entry.severity, message, span, ...extra };
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}
