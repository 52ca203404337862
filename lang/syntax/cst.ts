// Read access to Chevrotain CST nodes for the AST builder, and the context it reports into.
// After error recovery a node may be partial (`recoveredNode`) and a token may be one the
// parser invented (`isInsertedInRecovery`): both read as absent, so the builder simply drops
// whatever is incomplete instead of building nodes from guesses.

import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../span.js';
import type { LineIndex } from './line-index.js';

export interface BuildContext {
  readonly lines: LineIndex;
  readonly diagnostics: Diagnostic[];
}

function isNode(e: CstElement): e is CstNode {
  return 'children' in e;
}

export function nodes(n: CstNode, key: string): CstNode[] {
  return (n.children[key] ?? []).filter(isNode);
}

// The first child node under `key`, unless it was only partly parsed.
export function node(n: CstNode, key: string): CstNode | undefined {
  const c = nodes(n, key)[0];
  return c === undefined || c.recoveredNode === true ? undefined : c;
}

export function tokens(n: CstNode, key: string): IToken[] {
  return (n.children[key] ?? []).filter((e): e is IToken => !isNode(e) && e.isInsertedInRecovery !== true);
}

export function token(n: CstNode, key: string): IToken | undefined {
  return tokens(n, key)[0];
}

export function has(n: CstNode, key: string): boolean {
  return (n.children[key]?.length ?? 0) > 0;
}

// The single child node of a rule that is one alternative among several (statement, primary...).
export function onlyChild(n: CstNode): CstNode | undefined {
  for (const elems of Object.values(n.children)) {
    const c = elems[0];
    if (c !== undefined && isNode(c)) return c.recoveredNode === true ? undefined : c;
  }
  return undefined;
}

export function nodeSpan(n: CstNode, cx: BuildContext): Span {
  const loc = n.location;
  if (loc === undefined || Number.isNaN(loc.startOffset)) return cx.lines.endSpan();
  return cx.lines.span(loc.startOffset, (loc.endOffset ?? loc.startOffset) + 1);
}

export function tokenSpan(t: IToken, cx: BuildContext): Span {
  return cx.lines.span(t.startOffset, t.startOffset + t.image.length);
}
