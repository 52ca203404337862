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

export function depthProblem(decl: Decl): Diagnostic | undefined {
  // every node visited, in parallel arrays (a 100,000-term chain must not cost an object each)
  const nodes: Node[] = [decl as Node];
  const depths: number[] = [1];
  const parents: number[] = [-1];
  const stack: number[] = [0];
  const children: Node[] = [];
  let crossing = -1;
  let levels = 1;
  while (stack.length > 0) {
    const at = stack.pop()!;
    const depth = depths[at]!;
    if (depth > levels) levels = depth;
    if (depth === MAX_AST_DEPTH + 1 && crossing < 0) crossing = at;
    childrenOf(nodes[at]!, children);
    for (const child of children) {
      stack.push(nodes.length);
      nodes.push(child);
      depths.push(depth + 1);
      parents.push(at);
    }
  }
  if (crossing < 0) return undefined;
  // depths count from the declaration, level 1; report at the top of the run of same-kind nodes
  // the limit falls in (or ends at, for a leaf): a chain of `+`, of `[i]`, of `?`
  const kind = (i: number) => nodes[i]!.kind;
  let top = parents[crossing]! >= 0 && kind(parents[crossing]!) !== kind(crossing) ? parents[crossing]! : crossing;
  while (parents[top]! >= 0 && kind(parents[top]!) === kind(top)) top = parents[top]!;
  const what = CHAINS[kind(top)] ?? 'expression';
  return diag('KLP1010', nodes[top]!.span, { what, depth: levels.toLocaleString('en-US'), max: MAX_AST_DEPTH.toLocaleString('en-US') }, {
    hint: 'split it into parts, named with let (or const, for a constant)',
  });
}

const CHAINS: Readonly<Record<string, string>> = {
  binary: 'chain of operators', unary: 'chain of operators', index: 'chain of indexes', field: 'chain of fields',
  withIndex: "chain of 'with' updates", withField: "chain of 'with' updates", option: 'option type',
};

// The AST nodes directly below a node, into `out`: objects with a `kind`, found through any
// property (blocks, lists, records of fields), spans excepted.
function childrenOf(node: object, out: Node[]): void {
  out.length = 0;
  const pending: unknown[] = [node];
  while (pending.length > 0) {
    const v = pending.pop() as Record<string, unknown>;
    for (const k in v) {
      const x = v[k];
      if (k === 'span' || x === null || typeof x !== 'object') continue;
      if (Array.isArray(x)) {
        for (const y of x) if (y !== null && typeof y === 'object') visit(y);
      } else visit(x);
    }
  }
  function visit(x: object): void {
    if (typeof (x as { kind?: unknown }).kind === 'string') out.push(x as Node);
    else pending.push(x);
  }
}
