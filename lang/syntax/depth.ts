// The AST's depth, bounded so that every later stage may walk it recursively. The parser
// already bounds nesting by brackets and blocks (KLP1009), but a flat chain such as
// `1 + 1 + ... + 1` parses in a loop into a left-leaning tree one level deeper per operator.
// In: a declaration. Out: KLP1010 at the chain that is too deep (measured without recursion),
// or undefined.

import type { Decl } from '../ast.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../span.js';

// Each level costs the binder, the compiler and the reference interpreter a few stack frames.
export const MAX_AST_DEPTH = 500;

interface Node {
  readonly kind: string;
  readonly span: Span;
}
interface Visit {
  readonly node: Node;
  readonly depth: number;
  readonly parent: Visit | undefined;
}

export function depthProblem(decl: Decl): Diagnostic | undefined {
  const stack: Visit[] = [{ node: decl as Node, depth: 1, parent: undefined }];
  let deepest: Visit = stack[0]!;
  let crossing: Visit | undefined;
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (v.depth > deepest.depth) deepest = v;
    if (v.depth === MAX_AST_DEPTH + 1) crossing ??= v;
    for (const child of children(v.node)) stack.push({ node: child, depth: v.depth + 1, parent: v });
  }
  if (crossing === undefined) return undefined;
  // the top of the run of same-kind nodes the limit falls in (or ends at, for a leaf): a chain of
  // `+`, of `[i]`, of `?`
  let top = crossing.parent !== undefined && crossing.parent.node.kind !== crossing.node.kind ? crossing.parent : crossing;
  while (top.parent !== undefined && top.parent.node.kind === top.node.kind) top = top.parent;
  const levels = deepestBelow(top); // counted from the declaration
  const what = CHAINS[top.node.kind] ?? 'expression';
  return diag('KLP1010', top.node.span, { what, depth: levels.toLocaleString('en-US'), max: MAX_AST_DEPTH.toLocaleString('en-US') }, {
    hint: 'split it into parts, named with let (or const, for a constant)',
  });
}

const CHAINS: Readonly<Record<string, string>> = {
  binary: 'chain of operators', unary: 'chain of operators', index: 'chain of indexes', field: 'chain of fields',
  withIndex: "chain of 'with' updates", withField: "chain of 'with' updates", option: 'option type',
};

function deepestBelow(top: Visit): number {
  // depths are absolute: the declaration is level 1
  let max = top.depth;
  const stack: Visit[] = [top];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (v.depth > max) max = v.depth;
    for (const child of children(v.node)) stack.push({ node: child, depth: v.depth + 1, parent: v });
  }
  return max;
}

// The AST nodes directly below a node: objects with a `kind`, found through any property (blocks,
// lists, records of fields), spans excepted.
function children(node: object): Node[] {
  const out: Node[] = [];
  const pending: unknown[] = Object.entries(node).filter(([k]) => k !== 'span').map(([, v]) => v);
  while (pending.length > 0) {
    const v = pending.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) for (const x of v) pending.push(x);
    else if (typeof (v as { kind?: unknown }).kind === 'string') out.push(v as Node);
    else for (const [k, x] of Object.entries(v)) if (k !== 'span') pending.push(x);
  }
  return out;
}
