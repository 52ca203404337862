// Module-level state of one generated explorer: static scratch buffers (compound temporaries
// live in preallocated Int32Arrays so the search loop never allocates), constant buffers, and
// the table of failure sites reported through Sink.fail.

import type { SiteMeta } from '../../runtime/model.js';
import type { Span } from '../../lang/span.js';
import type { Program } from '../../lang/program.js';
import type { Layout } from '../layout.js';

export class ModuleGen {
  readonly buffers: { name: string; size: number; init?: string }[] = [];
  readonly sites: SiteMeta[] = [];
  readonly helpers: string[] = [];
  constructor(readonly program: Program, readonly layout: Layout) {}

  buffer(size: number, init?: string): string {
    const name = `B${this.buffers.length}`;
    this.buffers.push({ name, size: Math.max(1, size), ...(init !== undefined ? { init } : {}) });
    return name;
  }

  // `name`: a named assert's property name
  site(kind: SiteMeta['kind'], message: string, span: Span, name?: string): number {
    const loc = { file: span.file, line: span.line, col: span.col };
    this.sites.push(name === undefined ? { kind, message, loc } : { kind, message, loc, name });
    return this.sites.length - 1;
  }
}
