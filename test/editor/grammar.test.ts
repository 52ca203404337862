// The TextMate grammar of the VS Code extension: the committed file is what the generator makes
// from the lexer's keyword list (KLPC_ACCEPT=1 rewrites it), and, run by VS Code's own engine
// (vscode-textmate with the Oniguruma regex library), it scopes every token of every shipped
// spec as klpc's lexer sees it: keywords by their category, names never as keywords, comments,
// strings and integers as such.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import oniguruma from 'vscode-oniguruma';
import vsctm from 'vscode-textmate';
import { klpGrammar, scopeOfKeyword } from '../../editors/vscode/server/grammar.js';
import { parseCst } from '../../lang/syntax/parse.js';
import { expectGoldenFile, repoRoot } from '../golden.js';

const GRAMMAR = 'editors/vscode/syntaxes/klp.tmLanguage.json';

async function loadGrammar(): Promise<vsctm.IGrammar> {
  const wasm = fs.readFileSync(createRequire(import.meta.url).resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => (scope === 'source.klp' ? vsctm.parseRawGrammar(fs.readFileSync(path.join(repoRoot, GRAMMAR), 'utf8'), GRAMMAR) : null),
  });
  const g = await registry.loadGrammar('source.klp');
  assert.ok(g);
  return g;
}

// The scopes at each offset of the text, line by line as an editor tokenizes it.
function scopesByOffset(grammar: vsctm.IGrammar, text: string): string[][] {
  const out: string[][] = [];
  let stack = vsctm.INITIAL;
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, stack);
    for (let i = 0; i < r.tokens.length; i++) {
      const t = r.tokens[i]!;
      const end = r.tokens[i + 1]?.startIndex ?? line.length;
      for (let c = t.startIndex; c < end; c++) out.push(t.scopes);
    }
    out.push(['newline']);
    stack = r.ruleStack;
  }
  return out;
}

const specs = ['specs/klp', 'specs/examples'].flatMap((d) => fs.readdirSync(path.join(repoRoot, d)).filter((f) => f.endsWith('.klp')).map((f) => `${d}/${f}`));

describe('editor: TextMate grammar', function () {
  this.timeout(20000);

  it('is the file the generator makes from the lexer', () => {
    expectGoldenFile(GRAMMAR, `${JSON.stringify(klpGrammar(), null, 2)}\n`);
  });

  it('gives every keyword of the lexer a scope', () => {
    assert.throws(() => scopeOfKeyword('frobnicate'), /has no scope/);
  });

  for (const spec of specs) {
    it(`scopes ${spec} as klpc's lexer reads it`, async () => {
      const grammar = await loadGrammar();
      const text = fs.readFileSync(path.join(repoRoot, spec), 'utf8');
      const scopes = scopesByOffset(grammar, text);
      const lexed = parseCst(text, spec);
      const at = (offset: number) => (scopes[offset] ?? []).join(' ');
      for (const t of [...lexed.tokens, ...lexed.comments]) {
        const s = at(t.startOffset);
        const where = `${spec} offset ${t.startOffset} '${t.image}': ${s}`;
        const type = t.tokenType.name;
        if (type.startsWith('kw_')) assert.ok(s.includes(scopeOfKeyword(t.image)), where);
        else if (type === 'Identifier' && !['remove', 'prepend'].includes(t.image)) assert.ok(!/keyword|storage|constant\.language/.test(s), where);
        else if (type === 'LineComment' || type === 'BlockComment') assert.ok(s.includes('comment.'), where);
        else if (type === 'ClosedString') assert.ok(s.includes('string.quoted'), where);
        else if (type === 'Integer') assert.ok(s.includes('constant.numeric'), where);
      }
    });
  }
});
