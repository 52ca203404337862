// The line structure of a formatted spec, read off the CST: which tokens start a line and at
// what indentation (declarations, locals, statements, labels, block ends), which must stay on
// the line before (`{` of a block, `} else`, `} or`), which are dropped (the optional `;` after
// a declaration), and each token's grammar rule, from which spacing.ts picks the spaces.
// In: the CST of a spec without syntax errors. Out: a Layout keyed by token.

import type { CstElement, CstNode, IToken } from 'chevrotain';

export interface Layout {
  readonly lineAt: Map<IToken, number>; // starts a line at this indentation level
  readonly join: Set<IToken>; // never on a line of its own
  readonly drop: Set<IToken>;
  readonly rule: Map<IToken, string>; // the rule the token was consumed in
  readonly blockOpen: Set<IToken>;
  readonly blockClose: Set<IToken>;
  readonly tightBraces: Set<IToken>; // the braces of a set literal
}

const isNode = (e: CstElement): e is CstNode => 'children' in e;

const DECLS = new Set(['constDecl', 'enumDecl', 'typeDecl', 'varDecl', 'lockDecl', 'fnDecl', 'processDecl', 'invariantDecl', 'propertyDecl', 'replaceDecl', 'contextualDecl', 'variantDecl']);

export function layoutOf(spec: CstNode): Layout {
  const layout: Layout = { lineAt: new Map(), join: new Set(), drop: new Set(), rule: new Map(), blockOpen: new Set(), blockClose: new Set(), tightBraces: new Set() };
  recordRules(spec, layout);
  for (const d of kids(spec, 'declaration')) declaration(only(d), 0, layout);
  return layout;
}

function recordRules(n: CstNode, layout: Layout): void {
  const setLiteral = n.name === 'braceExpr' && n.children['fieldInit'] === undefined && n.children['comprehension'] === undefined;
  for (const elems of Object.values(n.children)) {
    for (const e of elems) {
      if (isNode(e)) recordRules(e, layout);
      else layout.rule.set(e, n.name);
      if (setLiteral && !isNode(e) && (e.tokenType.name === 'LBrace' || e.tokenType.name === 'RBrace')) layout.tightBraces.add(e);
    }
  }
}

function declaration(d: CstNode, level: number, layout: Layout): void {
  layout.lineAt.set(first(d), level);
  dropEndOfDecl(d, layout);
  switch (d.name) {
    case 'processDecl': {
      for (const local of kids(d, 'local')) {
        layout.lineAt.set(first(local), level + 1);
        dropEndOfDecl(local, layout);
      }
      layout.blockOpen.add(tok(d, 'open'));
      statements(kids(d, 'statement'), level + 1, layout);
      layout.lineAt.set(tok(d, 'close'), level);
      layout.blockClose.add(tok(d, 'close'));
      return;
    }
    case 'replaceDecl': case 'contextualDecl': {
      const inner = kids(d, 'fnDecl')[0] ?? kids(d, 'invariantDecl')[0] ?? kids(d, 'propertyDecl')[0] ?? kids(d, 'typeDecl')[0];
      if (inner !== undefined) dropEndOfDecl(inner, layout);
      const b = kids(d, 'block')[0];
      if (b !== undefined) block(b, level, layout);
      return;
    }
    default:
      return;
  }
}

// `endOfDecl`: a `;` consumed directly by a declaration rule (expressions keep theirs).
function dropEndOfDecl(d: CstNode, layout: Layout): void {
  if (!DECLS.has(d.name)) return;
  for (const e of d.children['Semi'] ?? []) if (!isNode(e)) layout.drop.add(e);
}

// A block's `{` stays on the line of what opens it; its statements go one level in; its `}`
// comes back to `level` on a line of its own.
function block(b: CstNode, level: number, layout: Layout): void {
  const open = tok(b, 'LBrace');
  const close = tok(b, 'RBrace');
  layout.join.add(open);
  layout.blockOpen.add(open);
  statements(kids(b, 'statement'), level + 1, layout);
  layout.lineAt.set(close, level);
  layout.blockClose.add(close);
}

// A label starts a step: it sits at the block's level, the statements of its step one deeper,
// up to the next label of the same block.
function statements(stmts: readonly CstNode[], level: number, layout: Layout): void {
  let at = level;
  for (const s of stmts) {
    const inner = only(s);
    const isLabel = inner.name === 'fairLabel' || (inner.name === 'labelOrAssign' && (inner.children['label']?.length ?? 0) > 0);
    if (isLabel) {
      layout.lineAt.set(first(inner), level);
      at = level + 1;
      continue;
    }
    layout.lineAt.set(first(inner), at);
    statement(inner, at, layout);
  }
}

function statement(s: CstNode, level: number, layout: Layout): void {
  switch (s.name) {
    case 'ifStmt': {
      block(kids(s, 'then')[0]!, level, layout);
      const elseKw = s.children['kw_else']?.[0];
      if (elseKw !== undefined && !isNode(elseKw)) layout.join.add(elseKw);
      const elseIf = kids(s, 'elseIf')[0];
      if (elseIf !== undefined) {
        layout.join.add(first(elseIf));
        statement(elseIf, level, layout);
      }
      const els = kids(s, 'else')[0];
      if (els !== undefined) block(els, level, layout);
      return;
    }
    case 'eitherStmt':
      for (const t of s.children['kw_or'] ?? []) if (!isNode(t)) layout.join.add(t);
      for (const b of kids(s, 'branch')) block(b, level, layout);
      return;
    case 'whileStmt': block(kids(s, 'body')[0]!, level, layout); return;
    case 'chooseStmt': case 'forStmt': block(kids(s, 'body')[0]!, level, layout); return;
    default: return;
  }
}

function kids(n: CstNode, key: string): CstNode[] {
  return (n.children[key] ?? []).filter(isNode);
}

function only(n: CstNode): CstNode {
  for (const elems of Object.values(n.children)) {
    const c = elems[0];
    if (c !== undefined && isNode(c)) return c;
  }
  throw new Error(`internal: ${n.name} has no child rule`);
}

function tok(n: CstNode, key: string): IToken {
  const t = n.children[key]?.[0];
  if (t === undefined || isNode(t)) throw new Error(`internal: ${n.name} has no token ${key}`);
  return t;
}

export function first(n: CstNode): IToken {
  let best: IToken | undefined;
  for (const elems of Object.values(n.children)) {
    for (const e of elems) {
      const t = isNode(e) ? first(e) : e;
      if (best === undefined || t.startOffset < best.startOffset) best = t;
    }
  }
  if (best === undefined) throw new Error(`internal: empty ${n.name}`);
  return best;
}
