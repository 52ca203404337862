// KLP2021: a function whose inlined body passes MAX_INLINED expressions is refused where it is
// declared, the limit counted exactly as the generator inlines (each call replaced by its
// callee's body); a result bound once with `let` counts once.

import assert from 'node:assert/strict';
import { MAX_INLINED } from '../../lang/binder/fns.js';
import { bindOk, codes, load } from './helpers.js';

// fn f0 = x; each f(k) adds f(k-1) `calls` times.
function chain(depth: number, calls: number, viaLet = false): string {
  const lines = ['fn f0(x: 0..3): 0..3 = x'];
  for (let k = 1; k <= depth; k++) {
    const body = viaLet ? `let v = f${k - 1}(x); (${Array(calls).fill('v').join(' + ')}) % 4` : `(${Array(calls).fill(`f${k - 1}(x)`).join(' + ')}) % 4`;
    lines.push(`fn f${k}(x: 0..3): 0..3 = ${body}`);
  }
  return `${lines.join('\n')}\nvar y: 0..3 = 0\nprocess p { a: y := f${depth}(y); }\n`;
}

describe('binder: the inlined size of functions', () => {
  it('accepts a body up to the limit and refuses the one past it, at its name', () => {
    // f(k) = 8 calls (call + argument + callee) + 7 additions + `% 4` + its literal
    const size = (k: number): number => (k === 0 ? 1 : 8 * (2 + size(k - 1)) + 7 + 2);
    assert.ok(size(5) <= MAX_INLINED && size(6) > MAX_INLINED);
    bindOk(chain(5, 8));
    const r = load(chain(6, 8));
    assert.deepEqual(codes(r), ['KLP2021 7:4']);
    assert.match(r.diagnostics[0]!.message, new RegExp(`'f6' expands to ${size(6).toLocaleString('en-US')} expressions`));
    assert.match(r.diagnostics[0]!.hint!, /'f6' calls 'f5' 8 time\(s\); bind a result used more than once with `let v = f5\(\.\.\.\); \.\.\.`/);
  });

  it('counts a let-bound call once', () => {
    bindOk(chain(12, 8, true));
  });
});
