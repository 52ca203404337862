// No name, string or path from a spec becomes code in the generated module. A hostile spec
// (JavaScript's special property names as variables, fields, labels and invariants; process and
// label names whose step functions would collide; an assert message full of quotes, backticks,
// `${...}`, `*/` and newlines; a base file whose path holds a newline and code; comments with
// code, all calling `klpcInjected`) is compiled, and the module is scanned with TypeScript's own
// scanner: `klpcInjected` never appears as an identifier, only inside strings and comments. Then it runs, with the verdicts,
// messages and decoded values the spec means (`__proto__` a variable like any other).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { resultJson } from '../../cli/json-report.js';
import { humanReport } from '../../cli/report.js';
import { plainStyle } from '../../cli/style.js';
import { buildModel } from '../../compiler/build.js';
import { emitTypeScript } from '../../compiler/emit.js';
import { loadProgram } from '../../lang/load.js';
import type { Program } from '../../lang/program.js';
import { explore } from '../../runtime/explore.js';

const MESSAGE = 'it said \\"${klpcInjected(9)}\\" `${klpcInjected(8)}` */ klpcInjected(7); /* \\n// klpcInjected(6)\\n\';klpcInjected(5);\'';
const DECODED_MESSAGE = 'it said "${klpcInjected(9)}" `${klpcInjected(8)}` */ klpcInjected(7); /* \n// klpcInjected(6)\n\';klpcInjected(5);\'';

const HOSTILE = `
// a comment */ klpcInjected(4); /*
enum Kind { prototype, call, apply }
type R = record { __proto__: 0..3, constructor: bool, hasOwnProperty: Kind }
var __proto__: 0..3 = 1
var constructor: R = { __proto__: 2, constructor: true, hasOwnProperty: call }
var toString: Set[0..3] = {}
var valueOf: Map[Kind, 0..3] = [k in Kind |-> 0]
lock hasOwnProperty_
process p_a { b: __proto__ := 2; }
process p {
  var __defineGetter__: 0..3 = 0
  a_b: toString := toString union {1}; valueOf[apply] := 3; __defineGetter__ := 3;
  constructor: assert __proto__ == 1, "${MESSAGE}";
}
invariant hasOwnProperty: constructor.__proto__ == 2 and constructor.hasOwnProperty == call
invariant isPrototypeOf: toString == {} or 1 in toString
`;

describe('compiler: nothing from a spec becomes code', function () {
  this.timeout(120_000);
  let dir: string;
  let program: Program;
  let top: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(tmpdir(), 'klpc-injection-'));
    // the base lives under a directory whose name ends a line comment and starts code
    const evil = path.join(dir, 'x\nklpcInjected(3);//');
    fs.mkdirSync(evil);
    fs.writeFileSync(path.join(evil, 'base.klp'), HOSTILE);
    top = path.join(dir, 'top.klp');
    fs.writeFileSync(top, `variant of "${path.join(dir, 'x\\nklpcInjected(3);//')}/base.klp"\nconst Extra = 1 // */ klpcInjected(2);\n`);
    const r = loadProgram(top);
    assert.ok(r.program, r.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
    program = r.program;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('generates a module in which the payloads are never code', async () => {
    const source = await emitTypeScript(program);
    const { diagnostics } = ts.transpileModule(source, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } });
    assert.deepEqual((diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), []);
    const identifiers = new Set<string>();
    const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard, source);
    for (let t = scanner.scan(); t !== ts.SyntaxKind.EndOfFileToken; t = scanner.scan()) {
      if (t === ts.SyntaxKind.Identifier) identifiers.add(scanner.getTokenText());
      // template literals would need rescanning; the generator emits none
      assert.notEqual(t, ts.SyntaxKind.NoSubstitutionTemplateLiteral);
      assert.notEqual(t, ts.SyntaxKind.TemplateHead);
    }
    assert.ok(!identifiers.has('klpcInjected'));
    assert.ok(source.includes('klpcInjected(9)'), 'the message is in the module, as a string');
  });

  it('runs with the verdicts, messages and values the spec means', async () => {
    const r = explore(await buildModel(program, { cacheDir: path.join(dir, 'cache') }), { deadlock: true });
    const verdict = Object.fromEntries(r.properties.map((p) => [p.name, p.verdict]));
    assert.deepEqual(verdict, { hasOwnProperty: 'holds', isPrototypeOf: 'holds', deadlock: 'holds', [`assert ${dir}/x\nklpcInjected(3);//base.klp:14`]: 'violated', 'spec errors': 'holds' });
    const failed = r.properties.find((p) => p.kind === 'assert')!.trace!;
    assert.equal(failed.failure?.message, DECODED_MESSAGE);
    // both colliding step names ran, each as its own step
    assert.deepEqual(failed.steps.map((s) => `${s.instance} ${s.label}`), ['p_a b', 'p a_b']);
    const last = failed.steps.at(-1)!.state;
    assert.equal(Object.getPrototypeOf(last), Object.prototype, 'a variable named __proto__ is not the prototype');
    assert.ok(Object.hasOwn(last, '__proto__'));
    assert.equal(last['__proto__'], 2);
    const record = last['constructor'] as Record<string, unknown>;
    assert.ok(Object.hasOwn(record, '__proto__') && Object.getPrototypeOf(record) === Object.prototype);
    assert.deepEqual([record['__proto__'], record['constructor'], record['hasOwnProperty']], [2, true, 'call']);
    assert.deepEqual(last['toString'], { '#set': [1] });
    assert.equal(last['p.__defineGetter__'], 3);
  });

  it('reports them as the spec wrote them, in text and --json', async () => {
    const model = await buildModel(program, { cacheDir: path.join(dir, 'cache') });
    const r = explore(model, { deadlock: true });
    const report = humanReport(r, model.meta, { lanes: true, width: 100, quiet: false }, plainStyle);
    assert.match(report, /__proto__ = 1/);
    assert.ok(report.includes(`assertion failed: ${DECODED_MESSAGE}`));
    const doc = JSON.parse(JSON.stringify(resultJson({ version: '0', spec: top, exitCode: 14 }, r, model.meta, []))) as { properties: { kind: string; trace?: { initial: Record<string, unknown> } }[] };
    assert.ok(Object.hasOwn(doc.properties.find((p) => p.kind === 'assert')!.trace!.initial, '__proto__'));
  });
});
