// One open .klp document as the language server sees it: loaded with klpc's own loader and
// binder (open documents read from the editor, other files from disk), then answering the
// editor's questions: diagnostics (with code, hint and related locations), hover (a name's
// declaration and its type: an integer type is its interval), definition (also into a
// `variant of` base), the outline, completion and formatting. In: a path and a file reader.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as ast from '../../../lang/ast.js';
import { BUILTIN_NAMES } from '../../../lang/binder/calls.js';
import type { Diagnostic } from '../../../lang/diagnostics/diagnostic.js';
import { formatSpec } from '../../../lang/format/format.js';
import { loadProgram, type LoadResult } from '../../../lang/load.js';
import type { Span } from '../../../lang/span.js';
import { KEYWORDS } from '../../../lang/syntax/tokens.js';
import { typeToString } from '../../../lang/types.js';
import { allSymbols, enclosing, identifierAt, labels, resolve, type Sym } from './symbols.js';

export type ReadFile = (path: string) => string | undefined;

export const diskReader: ReadFile = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

export interface Located {
  readonly span: Span;
  readonly message: string;
}

export interface OutlineItem {
  readonly name: string;
  readonly kind: Sym['kind'] | 'edit';
  readonly span: Span;
  readonly selection: Span;
  readonly children: readonly { readonly name: string; readonly kind: Sym['kind']; readonly span: Span }[];
}

export class Analysis {
  readonly loaded: LoadResult;
  private readonly decls: readonly ast.Decl[];

  constructor(readonly path: string, readonly read: ReadFile) {
    this.loaded = loadProgram(path, { readFile: read });
    // before variants merge (a syntax error), every parsed file's own declarations
    this.decls = this.loaded.decls.length > 0 ? this.loaded.decls : this.loaded.files.flatMap((f) => f.decls);
  }

  private own(): readonly ast.Decl[] {
    return this.loaded.files.find((f) => f.file === this.path)?.decls ?? [];
  }

  get text(): string {
    return this.loaded.sources.get(this.path) ?? '';
  }

  // This file's diagnostics; one found in a base file is reported on the `variant of` line.
  diagnostics(): { readonly diag: Diagnostic; readonly span: Span; readonly message: string }[] {
    const variantOf = this.loaded.files.find((f) => f.file === this.path)?.variantOf?.span;
    return this.loaded.diagnostics.flatMap((d) => {
      const hint = d.hint === undefined ? '' : `\nhint: ${d.hint}`;
      if (d.span.file === this.path) return [{ diag: d, span: d.span, message: `${d.message}${hint}` }];
      if (variantOf === undefined) return [];
      return [{ diag: d, span: variantOf, message: `${d.span.file}:${d.span.line}:${d.span.col}: ${d.message}${hint}` }];
    });
  }

  symbolAt(offset: number): Sym | undefined {
    const at = identifierAt(this.text, offset);
    if (at === undefined) return undefined;
    return this.editedStep(at.token.image, at.before) ?? resolve(this.decls, this.own(), this.path, offset, at.token.image, at.before);
  }

  // In `replace step P.L` (or prepend, remove), L is the base's step that the edit changes: the
  // nearest file down the variant chain that declares it.
  private editedStep(name: string, before: readonly { readonly image: string }[]): Sym | undefined {
    if (before.at(-1)?.image !== '.' || before.at(-3)?.image !== 'step') return undefined;
    const process = before.at(-2)?.image;
    const below = this.loaded.files.slice(this.loaded.files.findIndex((f) => f.file === this.path) + 1);
    for (const f of below) {
      const s = allSymbols(f.decls).find((x) => x.kind === 'label' && x.process === process && x.name === name);
      if (s) return s;
    }
    return undefined;
  }

  // The declaration of the name under the offset; on `variant of "x.klp"`, the base file.
  definition(offset: number): Span | undefined {
    const spec = this.loaded.files.find((f) => f.file === this.path);
    const v = spec?.variantOf;
    if (v !== undefined && v.span.start <= offset && offset <= v.span.end) return { file: join(dirname(this.path), v.path), start: 0, end: 0, line: 1, col: 1 };
    return this.symbolAt(offset)?.span;
  }

  hover(offset: number): string | undefined {
    const s = this.symbolAt(offset);
    return s && `\`\`\`klp\n${this.describe(s)}\n\`\`\`${s.span.file === this.path ? '' : `\ndeclared in ${s.span.file}:${s.span.line}`}`;
  }

  private source(span: { readonly file: string; readonly start: number; readonly end: number }): string {
    return (this.loaded.sources.get(span.file) ?? '').slice(span.start, span.end).replace(/\s+/g, ' ');
  }

  // A declaration in one line, with the binder's types where the spec bound.
  describe(s: Sym): string {
    const p = this.loaded.program;
    const typeOf = (t: ast.TypeExpr | undefined) => (t === undefined ? '?' : this.source(t.span));
    switch (s.kind) {
      case 'var': {
        const v = p?.vars.find((x) => x.name === s.name);
        return `var ${s.name}: ${v ? typeToString(v.type) : typeOf(s.type)}`;
      }
      case 'local': {
        const v = p?.processes.find((x) => x.name === s.process)?.locals.find((x) => x.name === s.name);
        return `var ${s.process}.${s.name}: ${v ? typeToString(v.type) : typeOf(s.type)}  (local)`;
      }
      case 'const': {
        const c = p?.constants.find((x) => x.name === s.name);
        return c ? `const ${s.name}: ${typeToString(c.type)} = ${String(c.value)}` : this.source(s.decl!.span);
      }
      case 'param': return `${s.name}: ${typeOf(s.type)}  (parameter)`;
      case 'binder': return `${s.name} in ${s.domain ? this.source(s.domain.span) : '?'}`;
      case 'label': return `step ${s.process}.${s.name}`;
      case 'member': return `${s.name}: ${s.decl?.kind === 'enum' ? s.decl.name.name : '?'}`;
      case 'process': {
        const proc = p?.processes.find((x) => x.name === s.name);
        const d = s.decl as ast.ProcessDecl;
        const head = `process ${s.name}${d.param ? `(${d.param.name.name}: ${typeOf(d.param.type)})` : ''}`;
        return proc ? `${head}  // ${proc.instances.length} instance(s), steps: ${proc.labels.map((l) => l.name).join(', ')}` : head;
      }
      case 'fn': {
        const d = s.decl as ast.FnDecl;
        return `fn ${s.name}(${d.params.map((x) => `${x.name.name}: ${typeOf(x.type)}`).join(', ')}): ${typeOf(d.result)}`;
      }
      case 'type': return `type ${s.name} = ${typeOf(s.type)}`;
      case 'enum': return `enum ${s.name} { ${(s.decl as ast.Decl & { kind: 'enum' }).members.map((m) => m.name).join(', ')} }`;
      case 'invariant': return `invariant ${s.name}: ${this.source((s.decl as ast.InvariantDecl).expr.span)}`;
      case 'property': return `property ${s.name}: ${this.source((s.decl as ast.PropertyDecl).formula.span)}`;
      case 'lock': return `lock ${s.name}`;
    }
  }

  // Names that fit at the offset: the labels of P after `P@` and of this process after `goto`,
  // P's locals after `P.`, else everything in scope, keywords and built-in functions.
  completions(offset: number): { readonly label: string; readonly kind: Sym['kind'] | 'keyword' | 'builtin'; readonly detail?: string }[] {
    const before = this.text.slice(Math.max(0, offset - 200), offset);
    const syms = allSymbols(this.decls);
    const { process } = enclosing(this.own(), this.path, offset);
    // a name once, though a variant that does not parse yet lists both files' declarations
    const once = <T extends { label: string }>(xs: T[]) => xs.filter((x, i) => xs.findIndex((y) => y.label === x.label) === i);
    const of = (kind: Sym['kind'], owner: string | undefined) => once(syms.filter((s) => s.kind === kind && s.process === owner).map((s) => ({ label: s.name, kind, detail: this.describe(s) })));
    const at = /([A-Za-z_]\w*)(?:\[[^\]]*\])?@\w*$/.exec(before);
    if (at) return of('label', at[1]);
    if (/\bgoto\s+\w*$/.test(before)) return [...of('label', process), { label: 'done', kind: 'keyword' }];
    const dot = /([A-Za-z_]\w*)(?:\[[^\]]*\])?\.\w*$/.exec(before);
    if (dot && syms.some((s) => s.kind === 'process' && s.name === dot[1])) return of('local', dot[1]);
    const visible = syms.filter((s) => s.kind !== 'label' && (s.process === undefined || s.process === process));
    return [
      ...once(visible.map((s) => ({ label: s.name, kind: s.kind, detail: this.describe(s) }))),
      ...KEYWORDS.map((k) => ({ label: k, kind: 'keyword' as const })),
      ...BUILTIN_NAMES.map((b) => ({ label: b, kind: 'builtin' as const })),
    ];
  }

  // The outline of this file: each declaration, with a process's locals and steps inside it.
  outline(): OutlineItem[] {
    const spec = this.loaded.files.find((f) => f.file === this.path);
    return (spec?.decls ?? []).flatMap((d): OutlineItem[] => {
      switch (d.kind) {
        case 'process': return [{
          name: d.name.name, kind: 'process' as const, span: d.span, selection: d.name.span,
          children: [...d.locals.map((l) => ({ name: l.name.name, kind: 'local' as const, span: l.span })), ...labels(d.body.stmts).map((l) => ({ name: l.name, kind: 'label' as const, span: l.span }))],
        }];
        case 'enum': return [{ name: d.name.name, kind: 'enum' as const, span: d.span, selection: d.name.span, children: d.members.map((m) => ({ name: m.name, kind: 'member' as const, span: m.span })) }];
        case 'const': case 'type': case 'var': case 'lock': case 'fn': case 'invariant': case 'property':
          return [{ name: d.name.name, kind: d.kind, span: d.span, selection: d.name.span, children: [] }];
        case 'replaceStep': case 'prependStep': case 'removeStep': {
          const verb = { replaceStep: 'replace step', prependStep: 'prepend step', removeStep: 'remove step' }[d.kind];
          const inner = d.kind === 'removeStep' ? [] : labels(d.body.stmts).map((l) => ({ name: l.name, kind: 'label' as const, span: l.span }));
          return [{ name: `${verb} ${d.process.name}.${d.label.name}`, kind: 'edit' as const, span: d.span, selection: d.label.span, children: inner }];
        }
        case 'replaceFn': return [{ name: `replace fn ${d.fn.name.name}`, kind: 'edit' as const, span: d.span, selection: d.fn.name.span, children: [] }];
        case 'replaceInvariant': return [{ name: `replace invariant ${d.invariant.name.name}`, kind: 'edit' as const, span: d.span, selection: d.invariant.name.span, children: [] }];
        case 'removeInvariant': return [{ name: `remove invariant ${d.name.name}`, kind: 'edit' as const, span: d.span, selection: d.name.span, children: [] }];
        case 'replaceProperty': return [{ name: `replace property ${d.property.name.name}`, kind: 'edit' as const, span: d.span, selection: d.property.name.span, children: [] }];
        case 'removeProperty': return [{ name: `remove property ${d.name.name}`, kind: 'edit' as const, span: d.span, selection: d.name.span, children: [] }];
        case 'replaceType': return [{ name: `replace type ${d.type.name.name}`, kind: 'edit' as const, span: d.span, selection: d.type.name.span, children: [] }];
      }
    });
  }

  formatted(): string | undefined {
    return formatSpec(this.text, this.path).text;
  }
}
