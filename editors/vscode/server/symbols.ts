// What a name in a spec refers to, for the language server's hover, go-to-definition and
// completion. In: the merged declarations of a spec (lang/load.ts: every declaration keeps the
// span of the file it came from, so a name declared in a `variant of` base points into the
// base), an offset in one file and the identifier there. Out: the declaration it names.
// Resolution follows the binder's order: binders in scope, then the process's locals and
// parameter, the function's parameters, then globals; labels after `@`, `goto` and in step edits.

import type { IToken } from 'chevrotain';
import type * as ast from '../../../lang/ast.js';
import type { Span } from '../../../lang/span.js';
import { klpLexer } from '../../../lang/syntax/tokens.js';

export type SymbolKind = 'const' | 'enum' | 'member' | 'type' | 'var' | 'lock' | 'fn' | 'process' | 'invariant' | 'property' | 'local' | 'param' | 'label' | 'binder';

export interface Sym {
  readonly name: string;
  readonly kind: SymbolKind;
  readonly span: Span; // of the name at its declaration
  readonly decl: ast.Decl | undefined; // the declaration holding it
  readonly process?: string; // locals, labels, process parameters
  readonly type?: ast.TypeExpr; // as written
  readonly domain?: ast.Expr; // a binder's set
}

const contains = (s: Span, file: string, offset: number) => s.file === file && s.start <= offset && offset <= s.end;

// Every declared name, globals first, then each process's parameter, locals and labels.
export function allSymbols(decls: readonly ast.Decl[]): Sym[] {
  const out: Sym[] = [];
  for (const d of decls) {
    switch (d.kind) {
      case 'const': case 'type': case 'lock': case 'invariant': case 'property': out.push({ name: d.name.name, kind: d.kind, span: d.name.span, decl: d, ...(d.kind === 'type' ? { type: d.type } : {}) }); break;
      case 'var': out.push({ name: d.name.name, kind: 'var', span: d.name.span, decl: d, type: d.type }); break;
      case 'enum':
        out.push({ name: d.name.name, kind: 'enum', span: d.name.span, decl: d });
        for (const m of d.members) out.push({ name: m.name, kind: 'member', span: m.span, decl: d });
        break;
      case 'fn': out.push({ name: d.name.name, kind: 'fn', span: d.name.span, decl: d }); break;
      case 'process': {
        out.push({ name: d.name.name, kind: 'process', span: d.name.span, decl: d });
        const process = d.name.name;
        if (d.param) out.push({ name: d.param.name.name, kind: 'param', span: d.param.name.span, decl: d, process, type: d.param.type });
        for (const l of d.locals) out.push({ name: l.name.name, kind: 'local', span: l.name.span, decl: d, process, type: l.type });
        for (const l of labels(d.body.stmts)) out.push({ name: l.name, kind: 'label', span: l.span, decl: d, process });
        break;
      }
      // in one file's own declarations (not merged): the labels a variant's step edit declares
      case 'replaceStep': case 'prependStep':
        for (const l of labels(d.body.stmts)) out.push({ name: l.name, kind: 'label', span: l.span, decl: d, process: d.process.name });
        break;
      default: break;
    }
  }
  return out;
}

export function labels(stmts: readonly ast.Stmt[]): ast.Ident[] {
  return stmts.flatMap((s) => {
    const own = s.kind === 'label' ? [s.name] : [];
    const blocks = s.kind === 'if' ? [s.then, ...(s.else ? [s.else] : [])] : s.kind === 'either' ? s.branches : s.kind === 'while' || s.kind === 'choose' || s.kind === 'for' ? [s.body] : [];
    return [...own, ...blocks.flatMap((b) => labels(b.stmts))];
  });
}

// The declaration of `file` that contains `offset`, and the process it belongs to (a process,
// or a step edit of one).
export function enclosing(decls: readonly ast.Decl[], file: string, offset: number): { decl: ast.Decl | undefined; process: string | undefined } {
  const decl = decls.find((d) => contains(d.span, file, offset));
  const process = decl?.kind === 'process' ? decl.name.name : decl && 'process' in decl ? decl.process.name : undefined;
  return { decl, process };
}

// Binders whose scope holds the offset (quantifiers, comprehensions, map literals, let, choose,
// for, function parameters), outermost first. A `let` statement's scope runs to the end of its block.
export function bindersAt(decl: ast.Decl, offset: number): Sym[] {
  const out: Sym[] = decl.kind === 'fn' ? decl.params.map((p) => ({ name: p.name.name, kind: 'param' as const, span: p.name.span, decl, type: p.type })) : [];
  const inside = (start: number, end: number) => start <= offset && offset <= end;
  const add = (b: ast.Ident, domain: ast.Expr) => out.push({ name: b.name, kind: 'binder', span: b.span, decl, domain });
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as { kind?: string; span?: Span; stmts?: readonly ast.Stmt[]; [k: string]: unknown };
    if (n.span !== undefined && !inside(n.span.start, n.span.end)) return;
    if (n.span !== undefined && ['quant', 'setComp', 'seqComp', 'mapLit', 'choose', 'for'].includes(n.kind ?? '')) add(n['binder'] as ast.Ident, n['domain'] as ast.Expr);
    if (n.kind === 'let' && 'body' in n) add(n['name'] as ast.Ident, n['value'] as ast.Expr);
    if (n.stmts !== undefined && n.span !== undefined) {
      for (const st of n.stmts) if (st.kind === 'let' && inside(st.span.start, n.span.end)) add(st.name, st.value);
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'span') visit(v);
  };
  visit(decl);
  return out;
}

// The identifier under the offset and the tokens before it, from the lexer.
export function identifierAt(text: string, offset: number): { token: IToken; before: readonly IToken[] } | undefined {
  const tokens = klpLexer.tokenize(text).tokens;
  // the token under the cursor, else the one the cursor just follows
  const under = tokens.findIndex((t) => t.startOffset <= offset && offset < t.startOffset + t.image.length);
  const i = under >= 0 ? under : tokens.findIndex((t) => offset === t.startOffset + t.image.length);
  const t = tokens[i];
  if (t === undefined || !/^[A-Za-z_]/.test(t.image)) return undefined;
  return { token: t, before: tokens.slice(0, i) };
}

// What the identifier names, by its context: `P@L`, `P[e]@L`, `goto L`, `step P.L`, `P.x`, else
// the innermost binder, the process's own names, then globals. `decls`: the merged spec, where
// names are looked up; `own`: the file's own declarations, which say where the offset is (in a
// variant, a `replace step` of a process declared in the base).
export function resolve(decls: readonly ast.Decl[], own: readonly ast.Decl[], file: string, offset: number, name: string, before: readonly IToken[]): Sym | undefined {
  const syms = allSymbols(decls);
  const { decl, process } = enclosing(own, file, offset);
  const prev = before.at(-1)?.image;
  const owner = (ownerName: string | undefined, kind: SymbolKind) => syms.find((s) => s.kind === kind && s.process === ownerName && s.name === name);
  if (prev === '@') return owner(processBefore(before.slice(0, -1)), 'label');
  if (prev === 'goto') return owner(process, 'label');
  if (prev === '.' && before.at(-3)?.image === 'step') return owner(before.at(-2)?.image, 'label');
  if (prev === '.') {
    const p = processBefore(before.slice(0, -1));
    if (p !== undefined && syms.some((s) => s.kind === 'process' && s.name === p)) return owner(p, 'local');
    return undefined; // a record field: no declaration to go to
  }
  if (prev === 'step') return syms.find((s) => s.kind === 'process' && s.name === name);
  const binder = decl && bindersAt(decl, offset).reverse().find((b) => b.name === name);
  if (binder) return binder;
  const mine = process === undefined ? undefined : syms.find((s) => s.process === process && s.kind !== 'label' && s.name === name);
  return mine ?? syms.find((s) => s.process === undefined && s.name === name) ?? (process === undefined ? undefined : owner(process, 'label'));
}

// The process named before `@` or `.`: `P` or `P[e]`.
function processBefore(tokens: readonly IToken[]): string | undefined {
  let k = tokens.length - 1;
  if (tokens[k]?.image === ']') {
    let depth = 0;
    for (; k >= 0; k--) {
      if (tokens[k]!.image === ']') depth++;
      else if (tokens[k]!.image === '[' && --depth === 0) break;
    }
    k--;
  }
  return tokens[k]?.image;
}
