// The TextMate grammar of klp (syntaxes/klp.tmLanguage.json), generated from the lexer's own
// keyword list (lang/syntax/tokens.ts) and the binder's built-in functions, so that highlighting
// cannot drift from the language: every keyword must be given a scope here, or generation throws.
// In: nothing. Out: the grammar as a JSON-ready object (test/editor/grammar.test.ts writes and
// checks the file, and tokenizes the shipped specs with it).

import { BUILTIN_NAMES } from '../../../lang/binder/calls.js';
import { KEYWORDS } from '../../../lang/syntax/tokens.js';

type Keyword = (typeof KEYWORDS)[number];

// Each keyword's scope. `remove` and `prepend` are contextual (identifiers elsewhere): they are
// matched only at the start of a declaration.
const SCOPES: Record<Keyword, string> = {
  const: 'storage.type', type: 'storage.type', enum: 'storage.type', record: 'storage.type', var: 'storage.type',
  lock: 'keyword.control', fn: 'storage.type', process: 'storage.type', invariant: 'storage.type', property: 'storage.type',
  fair: 'storage.modifier', strong: 'storage.modifier', unfair: 'storage.modifier',
  always: 'keyword.operator.word', eventually: 'keyword.operator.word', leadsto: 'keyword.operator.word',
  variant: 'keyword.other', of: 'keyword.other', replace: 'keyword.other', step: 'keyword.other',
  if: 'keyword.control', then: 'keyword.control', else: 'keyword.control', while: 'keyword.control', goto: 'keyword.control',
  either: 'keyword.control', or: 'keyword.operator.word', choose: 'keyword.control', for: 'keyword.control',
  let: 'keyword.control', await: 'keyword.control', assert: 'keyword.control', skip: 'keyword.control', with: 'keyword.control',
  unlock: 'keyword.control',
  in: 'keyword.operator.word', notin: 'keyword.operator.word', and: 'keyword.operator.word', not: 'keyword.operator.word',
  forall: 'keyword.operator.word', exists: 'keyword.operator.word', union: 'keyword.operator.word', inter: 'keyword.operator.word',
  diff: 'keyword.operator.word', subseteq: 'keyword.operator.word',
  true: 'constant.language', false: 'constant.language', none: 'constant.language', self: 'constant.language', done: 'constant.language',
  bool: 'support.type', Set: 'support.type', Seq: 'support.type', Map: 'support.type', symmetric: 'support.type',
};

export function scopeOfKeyword(k: string): string {
  const s = (SCOPES as Record<string, string>)[k];
  if (s === undefined) throw new Error(`keyword '${k}' has no scope in editors/vscode/server/grammar.ts`);
  return `${s}.klp`;
}

const words = (ws: readonly string[]) => `\\b(?:${[...ws].sort((a, b) => b.length - a.length).join('|')})\\b`;

export function klpGrammar(): object {
  for (const k of KEYWORDS) scopeOfKeyword(k);
  const byScope = new Map<string, string[]>();
  for (const k of KEYWORDS) byScope.set(scopeOfKeyword(k), [...(byScope.get(scopeOfKeyword(k)) ?? []), k]);
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'klp',
    scopeName: 'source.klp',
    fileTypes: ['klp'],
    patterns: ['comments', 'strings', 'declarations', 'labels', 'keywords', 'builtins', 'numbers', 'operators'].map((r) => ({ include: `#${r}` })),
    repository: {
      comments: {
        patterns: [
          { name: 'comment.line.double-slash.klp', match: '//.*$' },
          { name: 'comment.block.klp', begin: '/\\*', end: '\\*/' },
        ],
      },
      strings: {
        name: 'string.quoted.double.klp',
        begin: '"',
        end: '"|$',
        patterns: [{ name: 'constant.character.escape.klp', match: '\\\\.' }],
      },
      // `process P`, `fn f`, `invariant I`, `property L`, `enum E`, `type T`, `const N`, and the contextual
      // `remove`/`prepend` at the start of a line
      declarations: {
        patterns: [
          { match: '\\b(process|fn)\\s+([A-Za-z_][A-Za-z0-9_]*)', captures: { 1: { name: 'storage.type.klp' }, 2: { name: 'entity.name.function.klp' } } },
          { match: '\\b(invariant|property|enum|type|const)\\s+([A-Za-z_][A-Za-z0-9_]*)', captures: { 1: { name: 'storage.type.klp' }, 2: { name: 'entity.name.type.klp' } } },
          { match: '^\\s*(remove|prepend)\\b', captures: { 1: { name: 'keyword.other.klp' } } },
          { match: '\\b(assert)\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*(:)(?!=)', captures: { 1: { name: 'keyword.control.klp' }, 2: { name: 'entity.name.type.klp' } } },
        ],
      },
      // a label starts a line: `name:` (not `:=`)
      labels: { match: '^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(:)(?!=)', captures: { 1: { name: 'entity.name.label.klp' } } },
      keywords: { patterns: [...byScope].map(([name, ks]) => ({ name, match: words(ks) })) },
      builtins: { name: 'support.function.klp', match: `${words([...BUILTIN_NAMES, 'some'])}(?=\\s*\\()` },
      numbers: { name: 'constant.numeric.integer.klp', match: '\\b[0-9]+\\b' },
      operators: { name: 'keyword.operator.klp', match: ':=|\\|->|==|!=|<=|>=|=>|\\.\\.|[-+*/%<>=@?]' },
    },
  };
}
