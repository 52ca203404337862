// The klp grammar: declarations and statements on top of the expression grammar, and the one
// parser instance (built once at module load: grammar analysis is the slow part). A pure
// grammar: `parseTokens` returns the CST and the recorded syntax problems, nothing else.
// Error recovery is on, so a file with several mistakes reports each of them.

import { tokenMatcher, type CstNode, type IToken } from 'chevrotain';
import { ExpressionGrammar } from './expression-grammar.js';
import { ProblemRecorder, type SyntaxProblem } from './problems.js';
import {
  allTokens, Colon, ColonEq, Comma, Dot, Eq, Identifier, kw, LBrace, LBracket, LParen, RBrace, RBracket,
  RParen, Semi, StringLiteral,
} from './tokens.js';

const recorder = new ProblemRecorder();

const CONTEXTUAL: readonly string[] = ['remove', 'prepend'];

class KlpParser extends ExpressionGrammar {
  constructor() {
    super(allTokens, { recoveryEnabled: true, maxLookahead: 3, nodeLocationTracking: 'onlyOffset', errorMessageProvider: recorder });
    this.performSelfAnalysis();
  }

  spec = this.RULE('spec', () => {
    this.MANY(() => this.SUBRULE(this.declaration));
  });

  // `variant of` is accepted anywhere so that a misplaced one gets its own diagnostic (KLP1006).
  // Each declaration consumes its own optional ';' (`endOfDecl`): were it here, ';' would follow
  // every declaration and error recovery inside a statement would resynchronise on the
  // statement's ';' by abandoning the whole process instead of just the statement.
  declaration = this.RULE('declaration', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.variantDecl) },
      { ALT: () => this.SUBRULE(this.constDecl) },
      { ALT: () => this.SUBRULE(this.enumDecl) },
      { ALT: () => this.SUBRULE(this.typeDecl) },
      { ALT: () => this.SUBRULE(this.varDecl) },
      { ALT: () => this.SUBRULE(this.lockDecl) },
      { ALT: () => this.SUBRULE(this.fnDecl) },
      { ALT: () => this.SUBRULE(this.processDecl) },
      { ALT: () => this.SUBRULE(this.invariantDecl) },
      { ALT: () => this.SUBRULE(this.propertyDecl) },
      { ALT: () => this.SUBRULE(this.replaceDecl) },
      // `remove` is contextual: it is also the built-in remove(s, e)
      { GATE: () => CONTEXTUAL.includes(this.LA(1).image), ALT: () => this.SUBRULE(this.contextualDecl) },
    ]);
  });

  private endOfDecl(): void {
    this.OPTION9(() => this.CONSUME9(Semi));
  }

  variantDecl = this.RULE('variantDecl', () => {
    this.CONSUME(kw.variant);
    this.CONSUME(kw.of);
    this.CONSUME(StringLiteral, { LABEL: 'path' });
    this.endOfDecl();
  });

  constDecl = this.RULE('constDecl', () => {
    this.CONSUME(kw.const);
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.CONSUME(Eq);
    this.SUBRULE(this.expression, { LABEL: 'value' });
    this.endOfDecl();
  });

  enumDecl = this.RULE('enumDecl', () => {
    this.CONSUME(kw.enum);
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.CONSUME(LBrace);
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.CONSUME2(Identifier, { LABEL: 'member' }) });
    this.CONSUME(RBrace);
    this.endOfDecl();
  });

  typeDecl = this.RULE('typeDecl', () => {
    this.CONSUME(kw.type);
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.CONSUME(Eq);
    this.SUBRULE(this.typeExpr, { LABEL: 'type' });
    this.endOfDecl();
  });

  // shared variables and process locals: `var x: T = e` or `var x: T in S`
  varDecl = this.RULE('varDecl', () => {
    this.CONSUME(kw.var);
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.CONSUME(Colon);
    this.SUBRULE(this.typeExpr, { LABEL: 'type' });
    this.OR([
      { ALT: () => this.CONSUME(Eq, { LABEL: 'init' }) },
      { ALT: () => this.CONSUME(kw.in, { LABEL: 'init' }) },
    ]);
    this.SUBRULE(this.expression, { LABEL: 'value' });
    this.endOfDecl();
  });

  lockDecl = this.RULE('lockDecl', () => {
    this.CONSUME(kw.lock);
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.endOfDecl();
  });

  fnDecl = this.RULE('fnDecl', () => {
    this.CONSUME(kw.fn);
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.CONSUME(LParen);
    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.param) });
    this.CONSUME(RParen);
    this.CONSUME(Colon);
    this.SUBRULE(this.typeExpr, { LABEL: 'result' });
    this.CONSUME(Eq);
    this.SUBRULE(this.expression, { LABEL: 'body' });
    this.endOfDecl();
  });

  param = this.RULE('param', () => {
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.CONSUME(Colon);
    this.SUBRULE(this.typeExpr, { LABEL: 'type' });
  });

  // `fair`, `strong fair` or `unfair` before a process or a label
  fairness = this.RULE('fairness', () => {
    this.OR([
      { ALT: () => this.CONSUME(kw.unfair, { LABEL: 'kind' }) },
      { ALT: () => { this.OPTION(() => this.CONSUME(kw.strong, { LABEL: 'kind' })); this.CONSUME(kw.fair); } },
    ]);
  });

  processDecl = this.RULE('processDecl', () => {
    this.OPTION2(() => this.SUBRULE(this.fairness));
    this.CONSUME(kw.process);
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.OPTION(() => { this.CONSUME(LParen); this.SUBRULE(this.param); this.CONSUME(RParen); });
    this.CONSUME(LBrace, { LABEL: 'open' });
    this.MANY(() => this.SUBRULE(this.varDecl, { LABEL: 'local' }));
    this.MANY2(() => this.SUBRULE(this.statement));
    this.CONSUME(RBrace, { LABEL: 'close' });
    this.endOfDecl();
  });

  invariantDecl = this.RULE('invariantDecl', () => {
    this.CONSUME(kw.invariant);
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.CONSUME(Colon);
    this.SUBRULE(this.expression, { LABEL: 'expr' });
    this.endOfDecl();
  });

  propertyDecl = this.RULE('propertyDecl', () => {
    this.CONSUME(kw.property);
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.CONSUME(Colon);
    this.SUBRULE(this.expression, { LABEL: 'formula' });
    this.endOfDecl();
  });

  replaceDecl = this.RULE('replaceDecl', () => {
    this.CONSUME(kw.replace);
    this.OR([
      { ALT: () => {
        this.CONSUME(kw.step);
        this.CONSUME(Identifier, { LABEL: 'process' });
        this.CONSUME(Dot);
        this.CONSUME2(Identifier, { LABEL: 'label' });
        this.SUBRULE(this.block);
      } },
      { ALT: () => this.SUBRULE(this.fnDecl) },
      { ALT: () => this.SUBRULE(this.invariantDecl) },
      { ALT: () => this.SUBRULE(this.typeDecl) },
      { ALT: () => this.SUBRULE(this.propertyDecl) },
    ]);
    this.endOfDecl();
  });

  // `remove invariant N`, `remove property N`, `remove step P.L` and `prepend step P.L { ... }`:
  // `remove` and `prepend` are only keywords here (remove(s, e) is also a built-in), so they are
  // checked by image, not by token type.
  contextualDecl = this.RULE('contextualDecl', () => {
    const word = this.CONSUME(Identifier, { LABEL: 'keyword' });
    this.OR([
      { GATE: () => word.image === 'remove', ALT: () => {
        this.OR2([
          { ALT: () => { this.CONSUME(kw.invariant, { LABEL: 'what' }); this.CONSUME2(Identifier, { LABEL: 'name' }); } },
          { ALT: () => { this.CONSUME(kw.property, { LABEL: 'what' }); this.CONSUME7(Identifier, { LABEL: 'name' }); } },
          { ALT: () => {
            this.CONSUME2(kw.step);
            this.CONSUME5(Identifier, { LABEL: 'process' });
            this.CONSUME2(Dot);
            this.CONSUME6(Identifier, { LABEL: 'label' });
          } },
        ]);
      } },
      { GATE: () => word.image === 'prepend', ALT: () => {
        this.CONSUME(kw.step);
        this.CONSUME3(Identifier, { LABEL: 'process' });
        this.CONSUME(Dot);
        this.CONSUME4(Identifier, { LABEL: 'label' });
        this.SUBRULE(this.block);
      } },
    ]);
    this.endOfDecl();
  });

  // ---- statements -------------------------------------------------------------------------

  block = this.RULE('block', () => {
    this.CONSUME(LBrace);
    this.MANY(() => this.SUBRULE(this.statement));
    this.CONSUME(RBrace);
  });

  // Every statement is chosen by its first token (LL(1)), so a statement that goes wrong after
  // its first token is reported inside the statement rather than ending the enclosing block.
  statement = this.RULE('statement', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.labelOrAssign) },
      { ALT: () => this.SUBRULE(this.fairLabel) },
      { ALT: () => this.SUBRULE(this.awaitStmt) },
      { ALT: () => this.SUBRULE(this.lockStmt) },
      { ALT: () => this.SUBRULE(this.ifStmt) },
      { ALT: () => this.SUBRULE(this.whileStmt) },
      { ALT: () => this.SUBRULE(this.gotoStmt) },
      { ALT: () => this.SUBRULE(this.eitherStmt) },
      { ALT: () => this.SUBRULE(this.chooseStmt) },
      { ALT: () => this.SUBRULE(this.forStmt) },
      { ALT: () => this.SUBRULE(this.letStmt) },
      { ALT: () => this.SUBRULE(this.assertStmt) },
      { ALT: () => this.SUBRULE(this.skipStmt) },
    ]);
  });

  // `name:` (a label) or `name path := e;` (an assignment)
  labelOrAssign = this.RULE('labelOrAssign', () => {
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.OR([
      { ALT: () => this.CONSUME(Colon, { LABEL: 'label' }) },
      { ALT: () => {
        this.MANY(() => this.SUBRULE(this.lvalueStep));
        this.CONSUME(ColonEq);
        this.SUBRULE(this.expression, { LABEL: 'value' });
        this.CONSUME(Semi);
      } },
    ]);
  });

  // `fair L:`, `strong fair L:`, `unfair L:`: a label with its own fairness
  fairLabel = this.RULE('fairLabel', () => {
    this.SUBRULE(this.fairness);
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.CONSUME(Colon);
  });

  lvalueStep = this.RULE('lvalueStep', () => {
    this.OR([
      { ALT: () => { this.CONSUME(LBracket); this.SUBRULE(this.expression, { LABEL: 'index' }); this.CONSUME(RBracket); } },
      { ALT: () => { this.CONSUME(Dot); this.CONSUME(Identifier, { LABEL: 'field' }); } },
    ]);
  });

  awaitStmt = this.RULE('awaitStmt', () => {
    this.CONSUME(kw.await);
    this.SUBRULE(this.expression, { LABEL: 'cond' });
    this.CONSUME(Semi);
  });

  // `lock(m);` and `unlock(m);`
  lockStmt = this.RULE('lockStmt', () => {
    this.OR([
      { ALT: () => this.CONSUME(kw.lock, { LABEL: 'op' }) },
      { ALT: () => this.CONSUME(kw.unlock, { LABEL: 'op' }) },
    ]);
    this.CONSUME(LParen);
    this.CONSUME(Identifier, { LABEL: 'lock' });
    this.CONSUME(RParen);
    this.CONSUME(Semi);
  });

  ifStmt = this.RULE('ifStmt', () => {
    this.CONSUME(kw.if);
    this.SUBRULE(this.expression, { LABEL: 'cond' });
    this.SUBRULE(this.block, { LABEL: 'then' });
    this.OPTION(() => {
      this.CONSUME(kw.else);
      this.OR([
        { ALT: () => this.SUBRULE(this.ifStmt, { LABEL: 'elseIf' }) },
        { ALT: () => this.SUBRULE2(this.block, { LABEL: 'else' }) },
      ]);
    });
  });

  whileStmt = this.RULE('whileStmt', () => {
    this.CONSUME(kw.while);
    this.SUBRULE(this.expression, { LABEL: 'cond' });
    this.SUBRULE(this.block, { LABEL: 'body' });
  });

  gotoStmt = this.RULE('gotoStmt', () => {
    this.CONSUME(kw.goto);
    // `goto done;` ends the process, like falling off the end of its body
    this.OR([
      { ALT: () => this.CONSUME(Identifier, { LABEL: 'target' }) },
      { ALT: () => this.CONSUME(kw.done, { LABEL: 'target' }) },
    ]);
    this.CONSUME(Semi);
  });

  eitherStmt = this.RULE('eitherStmt', () => {
    this.CONSUME(kw.either);
    this.SUBRULE(this.block, { LABEL: 'branch' });
    this.AT_LEAST_ONE(() => { this.CONSUME(kw.or); this.SUBRULE2(this.block, { LABEL: 'branch' }); });
  });

  chooseStmt = this.RULE('chooseStmt', () => {
    this.CONSUME(kw.choose);
    this.CONSUME(Identifier, { LABEL: 'binder' });
    this.CONSUME(kw.in);
    this.SUBRULE(this.expression, { LABEL: 'domain' });
    this.SUBRULE(this.block, { LABEL: 'body' });
  });

  forStmt = this.RULE('forStmt', () => {
    this.CONSUME(kw.for);
    this.CONSUME(Identifier, { LABEL: 'binder' });
    this.CONSUME(kw.in);
    this.SUBRULE(this.expression, { LABEL: 'domain' });
    this.SUBRULE(this.block, { LABEL: 'body' });
  });

  letStmt = this.RULE('letStmt', () => {
    this.CONSUME(kw.let);
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.CONSUME(Eq);
    this.SUBRULE(this.expression, { LABEL: 'value' });
    this.CONSUME(Semi);
  });

  // `assert Name: cond` names the property the report lists; a condition never starts with
  // `name :`, so two tokens of lookahead decide.
  assertStmt = this.RULE('assertStmt', () => {
    this.CONSUME(kw.assert);
    this.OPTION2({
      GATE: () => tokenMatcher(this.LA(2), Colon),
      DEF: () => { this.CONSUME(Identifier, { LABEL: 'name' }); this.CONSUME(Colon); },
    });
    this.SUBRULE(this.expression, { LABEL: 'cond' });
    this.OPTION(() => { this.CONSUME(Comma); this.CONSUME(StringLiteral, { LABEL: 'message' }); });
    this.CONSUME(Semi);
  });

  skipStmt = this.RULE('skipStmt', () => {
    this.CONSUME(kw.skip);
    this.CONSUME(Semi);
  });
}

const parser = new KlpParser();

export function parseTokens(tokens: IToken[]): { cst: CstNode; problems: SyntaxProblem[] } {
  recorder.reset();
  parser.input = tokens;
  const cst = parser.spec();
  return { cst, problems: recorder.take(parser.errors) };
}


// The token types a declaration can start with (from the grammar itself, so that a new kind of
// declaration counts too), for telling a file that is not a spec from a spec with mistakes.
const DECLARATION_STARTS = new Set(parser.computeContentAssist('declaration', []).map((s) => s.nextTokenType));

export function startsDeclaration(t: IToken): boolean {
  if (tokenMatcher(t, Identifier)) return CONTEXTUAL.includes(t.image);
  return [...DECLARATION_STARTS].some((type) => tokenMatcher(t, type));
}
