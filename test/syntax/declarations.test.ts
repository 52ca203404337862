// Declarations and types: every top-level form of docs/language.md, the variant-only forms,
// optional ';', and spans of a few nodes (checked against offsets counted by hand).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from '../../lang/syntax/parse.js';
import { FIXTURES, onlyDecl, parseValid, typeOf } from './helpers.js';
import { printType, shape } from './printer.js';

const name = (n: string) => ({ kind: 'name', name: { name: n } });

describe('syntax: declarations', () => {
  it('parses const, enum, type, var and lock', () => {
    assert.deepEqual(shape(onlyDecl('const N = 3')), { kind: 'const', name: { name: 'N' }, value: { kind: 'int', value: 3 } });
    assert.deepEqual(shape(onlyDecl('enum E { A, B }')), { kind: 'enum', name: { name: 'E' }, members: [{ name: 'A' }, { name: 'B' }] });
    assert.deepEqual(shape(onlyDecl('type P = 1..N')), { kind: 'type', name: { name: 'P' }, type: { kind: 'range', lo: { kind: 'int', value: 1 }, hi: name('N') } });
    assert.deepEqual(shape(onlyDecl('var x: bool = false')), {
      kind: 'var', name: { name: 'x' }, type: { kind: 'bool' }, init: { kind: 'value', expr: { kind: 'bool', value: false } },
    });
    assert.deepEqual(shape(onlyDecl('lock m')), { kind: 'lock', name: { name: 'm' } });
  });

  it('parses a nondeterministic initial value: the range type stops before `in`', () => {
    assert.deepEqual(shape(onlyDecl('var turn: 0..1 in {0, 1}')), {
      kind: 'var', name: { name: 'turn' }, type: { kind: 'range', lo: { kind: 'int', value: 0 }, hi: { kind: 'int', value: 1 } },
      init: { kind: 'oneOf', expr: { kind: 'setLit', elems: [{ kind: 'int', value: 0 }, { kind: 'int', value: 1 }] } },
    });
  });

  it('parses functions with zero or more parameters', () => {
    const f = onlyDecl('fn top(s: Seq[P, N], b: bool): P? = none');
    assert.equal(f.kind, 'fn');
    if (f.kind !== 'fn') return;
    assert.deepEqual(f.params.map((p) => [p.name.name, printType(p.type)]), [['s', 'Seq[P, N]'], ['b', 'bool']]);
    assert.equal(printType(f.result), 'P?');
    const k = onlyDecl('fn k(): bool = true');
    assert.deepEqual(k.kind === 'fn' && k.params, []);
  });

  it('parses processes with and without a parameter, locals first', () => {
    const p = onlyDecl('process patcher(p: Patch) {\n  var bound: bool = false;\n  var n: 0..2 in {0}\n  a:\n    skip;\n}');
    assert.equal(p.kind, 'process');
    if (p.kind !== 'process') return;
    assert.equal(p.param?.name.name, 'p');
    assert.deepEqual(p.locals.map((l) => [l.name.name, l.init.kind]), [['bound', 'value'], ['n', 'oneOf']]);
    assert.deepEqual(p.body.stmts.map((s) => s.kind), ['label', 'skip']);
    const q = onlyDecl('process loader { }');
    assert.equal(q.kind === 'process' && q.param, undefined);
  });

  it('parses invariants and the variant-only declarations', () => {
    const spec = parseValid('variant of "base.klp"\nreplace step loader.go { go: skip; }\nreplace fn f(): bool = true\nreplace invariant I: true\nremove invariant J\ninvariant K: false');
    assert.deepEqual(shape(spec.variantOf), { path: 'base.klp' });
    assert.deepEqual(spec.decls.map((d) => d.kind), ['replaceStep', 'replaceFn', 'replaceInvariant', 'removeInvariant', 'invariant']);
    const [step, fn, inv, rm] = spec.decls;
    assert.deepEqual(shape(step), { kind: 'replaceStep', process: { name: 'loader' }, label: { name: 'go' }, body: { stmts: [{ kind: 'label', name: { name: 'go' } }, { kind: 'skip' }] } });
    assert.equal(fn?.kind === 'replaceFn' && fn.fn.name.name, 'f');
    assert.equal(inv?.kind === 'replaceInvariant' && inv.invariant.name.name, 'I');
    assert.equal(rm?.kind === 'removeInvariant' && rm.name.name, 'J');
  });

  it('parses remove step next to remove invariant and the built-in remove()', () => {
    const spec = parseValid('variant of "base.klp"\nremove step loader.go\nremove invariant J;\nremove step patcher.enable;\nconst R = len(remove([1], 1))');
    assert.deepEqual(shape(spec.decls), [
      { kind: 'removeStep', process: { name: 'loader' }, label: { name: 'go' } },
      { kind: 'removeInvariant', name: { name: 'J' } },
      { kind: 'removeStep', process: { name: 'patcher' }, label: { name: 'enable' } },
      shape(spec.decls[3]),
    ]);
    assert.equal(spec.decls[3]?.kind, 'const');
  });

  it('accepts an optional ; after every declaration', () => {
    const spec = parseValid('const A = 1; enum E { X }; type T = bool; var v: T = true; lock m; fn f(): T = v; process p { a: skip; }; invariant I: v;');
    assert.equal(spec.decls.length, 8);
  });

  it('parses every type form', () => {
    assert.deepEqual(shape(typeOf('bool')), { kind: 'bool' });
    assert.deepEqual(shape(typeOf('Patch')), { kind: 'named', name: { name: 'Patch' } });
    assert.deepEqual(shape(typeOf('Set[E]?')), { kind: 'option', inner: { kind: 'set', elem: { kind: 'named', name: { name: 'E' } } } });
    assert.equal(printType(typeOf('record { s: E, m: Module? }')), 'record { s: E, m: Module? }');
    assert.equal(printType(typeOf('Map[1..N, Seq[bool, N * 2]]')), 'Map[1..N, Seq[bool, N * 2]]');
    assert.equal(printType(typeOf('N - 1..2 * N')), 'N - 1..2 * N');
    assert.equal(printType(typeOf('-1..(x)')), '- 1..x');
    assert.equal(printType(typeOf('bool??')), 'bool??');
  });

  it('gives declarations, names and types exact spans', () => {
    const text = 'const A = 1\n  type  T = Set[0..A]?;';
    const [c, t] = parseValid(text).decls;
    assert.deepEqual(c?.span, { file: 'test.klp', start: 0, end: 11, line: 1, col: 1 });
    assert.equal(t?.kind, 'type');
    if (t?.kind !== 'type') return;
    assert.deepEqual(t.span, { file: 'test.klp', start: 14, end: 35, line: 2, col: 3 }); // includes the ';'
    assert.deepEqual(t.name.span, { file: 'test.klp', start: 20, end: 21, line: 2, col: 9 });
    assert.deepEqual([t.type.span.start, t.type.span.end, t.type.span.col], [24, 34, 13]);
    assert.equal(text.slice(t.type.span.start, t.type.span.end), 'Set[0..A]?');
  });

  it('parses the sample specs without diagnostics', () => {
    for (const file of ['sample.klp', 'sample-variant.klp']) {
      const text = readFileSync(FIXTURES + file, 'utf8');
      const { spec, diagnostics } = parse(text, file);
      assert.deepEqual(diagnostics, [], file);
      assert.ok(spec.decls.length > 5);
      // every span is inside the text and names the file
      JSON.stringify(spec, (k, v: { file: string; start: number; end: number }) => {
        if (k === 'span') assert.ok(v.file === file && v.start >= 0 && v.start <= v.end && v.end <= text.length);
        return v;
      });
    }
  });
});
