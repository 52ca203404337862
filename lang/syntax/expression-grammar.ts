// The expression and type half of the klp grammar (docs/language.md, "Types" and "Expressions"),
// as a Chevrotain CstParser base class; `KlpParser` (parser.ts) adds declarations and statements.
// One rule per precedence level, lowest first. `if`/`let`/`forall`/`exists` are primaries whose
// last operand is a full expression, which is exactly "extends as far right as possible"; so are
// the temporal prefixes `always` and `eventually`, while `leadsto` (`~>`) binds loosest of all.
// Two places need more than LL(k), both decided by a bracket-matching token scan (no backtracking):
// `[k in K |-> e]` versus the sequence `[k in S, ...]`, and `P[e]@label` versus indexing `m[e]`.

import { CstParser, EOF, tokenMatcher, type CstNode, type IParserConfig, type ParserMethod, type TokenType } from 'chevrotain';
import {
  AddOp, Arrow, At, CLOSERS, CmpOp, Colon, Comma, Dot, DotDot, Eq, Identifier, Integer, kw, LBrace, LBracket,
  LeadsToOp, LParen, MapsTo, Minus, MulOp, OPENERS, Question, RBrace, RBracket, RParen, Semi, SetAddOp,
} from './tokens.js';

type Rule = ParserMethod<[], CstNode>;

export class ExpressionGrammar extends CstParser {
  constructor(tokens: TokenType[], config: IParserConfig) {
    super(tokens, config);
  }

  // A left-associative level: operand (op operand)*; the CST keeps operands and ops in order.
  private leftAssoc(name: string, operand: () => Rule, op: TokenType): Rule {
    return this.RULE(name, () => {
      this.SUBRULE(operand(), { LABEL: 'operand' });
      this.MANY(() => {
        this.CONSUME(op, { LABEL: 'op' });
        this.SUBRULE2(operand(), { LABEL: 'operand' });
      });
    });
  }

  // A non-associative level: operand (op operand)?
  private nonAssoc(name: string, operand: () => Rule, op: TokenType): Rule {
    return this.RULE(name, () => {
      this.SUBRULE(operand(), { LABEL: 'operand' });
      this.OPTION(() => {
        this.CONSUME(op, { LABEL: 'op' });
        this.SUBRULE2(operand(), { LABEL: 'operand' });
      });
    });
  }

  // `P leadsto Q` (non-associative): only meaningful in a property, which the binder checks
  expression: Rule = this.RULE('expression', () => {
    this.SUBRULE(this.implication, { LABEL: 'operand' });
    this.OPTION(() => {
      this.CONSUME(LeadsToOp, { LABEL: 'op' });
      this.SUBRULE2(this.implication, { LABEL: 'operand' });
    });
  });

  // right-associative: a => b => c is a => (b => c)
  implication: Rule = this.RULE('implication', () => {
    this.SUBRULE(this.disjunction, { LABEL: 'operand' });
    this.OPTION(() => {
      this.CONSUME(Arrow, { LABEL: 'op' });
      this.SUBRULE(this.implication, { LABEL: 'operand' });
    });
  });

  disjunction: Rule = this.leftAssoc('disjunction', () => this.conjunction, kw.or);
  conjunction: Rule = this.leftAssoc('conjunction', () => this.negation, kw.and);

  negation: Rule = this.RULE('negation', () => {
    this.OR([
      { ALT: () => { this.CONSUME(kw.not, { LABEL: 'op' }); this.SUBRULE(this.negation, { LABEL: 'operand' }); } },
      { ALT: () => this.SUBRULE(this.comparison, { LABEL: 'operand' }) },
    ]);
  });

  comparison: Rule = this.nonAssoc('comparison', () => this.rangeExpr, CmpOp);
  rangeExpr: Rule = this.nonAssoc('rangeExpr', () => this.unionExpr, DotDot);
  unionExpr: Rule = this.leftAssoc('unionExpr', () => this.interExpr, SetAddOp);
  interExpr: Rule = this.leftAssoc('interExpr', () => this.additive, kw.inter);
  additive: Rule = this.leftAssoc('additive', () => this.multiplicative, AddOp);
  multiplicative: Rule = this.leftAssoc('multiplicative', () => this.unaryMinus, MulOp);

  unaryMinus: Rule = this.RULE('unaryMinus', () => {
    this.OR([
      { ALT: () => { this.CONSUME(Minus, { LABEL: 'op' }); this.SUBRULE(this.unaryMinus, { LABEL: 'operand' }); } },
      { ALT: () => this.SUBRULE(this.postfix, { LABEL: 'operand' }) },
    ]);
  });

  postfix: Rule = this.RULE('postfix', () => {
    this.SUBRULE(this.primary);
    this.MANY(() => this.SUBRULE(this.suffix));
  });

  suffix: Rule = this.RULE('suffix', () => {
    this.OR([
      { ALT: () => { this.CONSUME(LBracket); this.SUBRULE(this.expression, { LABEL: 'index' }); this.CONSUME(RBracket); } },
      { ALT: () => { this.CONSUME(Dot); this.CONSUME(Identifier, { LABEL: 'field' }); } },
      { ALT: () => this.SUBRULE(this.withUpdate) },
    ]);
  });

  // `e with [k] = v`, `e with .f = v`: v extends as far right as possible (docs/language.md).
  withUpdate: Rule = this.RULE('withUpdate', () => {
    this.CONSUME(kw.with);
    this.OR([
      { ALT: () => { this.CONSUME(LBracket); this.SUBRULE(this.expression, { LABEL: 'index' }); this.CONSUME(RBracket); } },
      { ALT: () => { this.CONSUME(Dot); this.CONSUME(Identifier, { LABEL: 'field' }); } },
    ]);
    this.CONSUME(Eq);
    this.SUBRULE2(this.expression, { LABEL: 'value' });
  });

  primary: Rule = this.RULE('primary', () => {
    this.OR([
      { ALT: () => this.CONSUME(Integer) },
      { ALT: () => this.CONSUME(kw.true) },
      { ALT: () => this.CONSUME(kw.false) },
      { ALT: () => this.CONSUME(kw.none) },
      { ALT: () => this.CONSUME(kw.self) },
      { ALT: () => this.SUBRULE(this.parenExpr) },
      { ALT: () => this.SUBRULE(this.nameRef) },
      { ALT: () => this.SUBRULE(this.braceExpr) },
      { ALT: () => this.SUBRULE(this.bracketExpr) },
      { ALT: () => this.SUBRULE(this.iteExpr) },
      { ALT: () => this.SUBRULE(this.letExpr) },
      { ALT: () => this.SUBRULE(this.quantExpr) },
      { ALT: () => this.SUBRULE(this.temporalExpr) },
    ]);
  });

  parenExpr: Rule = this.RULE('parenExpr', () => {
    this.CONSUME(LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(RParen);
  });

  // `x`, `f(args)`, `P@label`, `P[e]@label` (`@` forms are always `at` nodes). A process local
  // `P.x` / `P[e].x` cannot be told from a record field `r.f` / `m[k].f` without knowing what P
  // is, so the parser never builds `localOf`: they come out as field of a name / field of an
  // index, and the binder reinterprets them when the name is a process.
  nameRef: Rule = this.RULE('nameRef', () => {
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.OPTION({
      GATE: () => !tokenMatcher(this.LA(1), LBracket) || this.bracketIsFollowedByAt(),
      DEF: () => this.OR([
        { ALT: () => this.SUBRULE(this.callArgs) },
        { ALT: () => this.SUBRULE(this.atLabel) },
        { ALT: () => {
          this.CONSUME(LBracket);
          this.SUBRULE(this.expression, { LABEL: 'instance' });
          this.CONSUME(RBracket);
          this.SUBRULE2(this.atLabel);
        } },
      ]),
    });
  });

  callArgs: Rule = this.RULE('callArgs', () => {
    this.CONSUME(LParen);
    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'arg' }) });
    this.CONSUME(RParen);
  });

  atLabel: Rule = this.RULE('atLabel', () => {
    this.CONSUME(At);
    this.OR([
      { ALT: () => this.CONSUME(Identifier, { LABEL: 'label' }) },
      { ALT: () => this.CONSUME(kw.done, { LABEL: 'label' }) },
    ]);
  });

  // `{}`, `{a, b}`, `{ e for x in S if p }`, `{ f: e, g: e }` (a name and ':' make a record).
  braceExpr: Rule = this.RULE('braceExpr', () => {
    this.CONSUME(LBrace);
    this.OPTION(() => this.OR([
      { ALT: () => this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.fieldInit) }) },
      { ALT: () => {
        this.SUBRULE(this.expression, { LABEL: 'elem' });
        this.OR2([
          { ALT: () => this.SUBRULE(this.comprehension) },
          { ALT: () => this.MANY(() => { this.CONSUME(Comma); this.SUBRULE2(this.expression, { LABEL: 'elem' }); }) },
        ]);
      } },
    ]));
    this.CONSUME(RBrace);
  });

  fieldInit: Rule = this.RULE('fieldInit', () => {
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.CONSUME(Colon);
    this.SUBRULE(this.expression, { LABEL: 'value' });
  });

  // `for x in S if p` after the first element; one rule per bracket kind, so that a syntax error
  // names the kind of comprehension it is in.
  private comprehensionRule(name: string): Rule {
    return this.RULE(name, () => {
      this.CONSUME(kw.for);
      this.CONSUME(Identifier, { LABEL: 'binder' });
      this.CONSUME(kw.in);
      this.SUBRULE(this.expression, { LABEL: 'domain' });
      this.OPTION(() => { this.CONSUME(kw.if); this.SUBRULE2(this.expression, { LABEL: 'filter' }); });
    });
  }

  comprehension: Rule = this.comprehensionRule('comprehension');
  seqComprehension: Rule = this.comprehensionRule('seqComprehension');

  // `[]`, `[a, b]`, `[e for x in S if p]`, `[k in K |-> e]`.
  bracketExpr: Rule = this.RULE('bracketExpr', () => {
    this.CONSUME(LBracket);
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => this.mapLiteralAhead(), ALT: () => this.SUBRULE(this.mapBody) },
        { ALT: () => this.OPTION(() => {
          this.SUBRULE(this.expression, { LABEL: 'elem' });
          this.OR2([
            { ALT: () => this.SUBRULE(this.seqComprehension) },
            { ALT: () => this.MANY(() => { this.CONSUME(Comma); this.SUBRULE2(this.expression, { LABEL: 'elem' }); }) },
          ]);
        }) },
      ],
    });
    this.CONSUME(RBracket);
  });

  mapBody: Rule = this.RULE('mapBody', () => {
    this.CONSUME(Identifier, { LABEL: 'binder' });
    this.CONSUME(kw.in);
    this.SUBRULE(this.typeExpr, { LABEL: 'domain' });
    this.CONSUME(MapsTo);
    this.SUBRULE(this.expression, { LABEL: 'value' });
  });

  iteExpr: Rule = this.RULE('iteExpr', () => {
    this.CONSUME(kw.if);
    this.SUBRULE(this.expression, { LABEL: 'cond' });
    this.CONSUME(kw.then);
    this.SUBRULE2(this.expression, { LABEL: 'then' });
    this.CONSUME(kw.else);
    this.SUBRULE3(this.expression, { LABEL: 'else' });
  });

  letExpr: Rule = this.RULE('letExpr', () => {
    this.CONSUME(kw.let);
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.CONSUME(Eq);
    this.SUBRULE(this.expression, { LABEL: 'value' });
    this.CONSUME(Semi);
    this.SUBRULE2(this.expression, { LABEL: 'body' });
  });

  quantExpr: Rule = this.RULE('quantExpr', () => {
    this.OR([
      { ALT: () => this.CONSUME(kw.forall, { LABEL: 'quant' }) },
      { ALT: () => this.CONSUME(kw.exists, { LABEL: 'quant' }) },
    ]);
    this.CONSUME(Identifier, { LABEL: 'binder' });
    this.CONSUME(kw.in);
    this.SUBRULE(this.expression, { LABEL: 'domain' });
    this.CONSUME(Colon);
    this.SUBRULE2(this.expression, { LABEL: 'body' });
  });

  // `always P`, `eventually P`, `always eventually P`, ...
  temporalExpr: Rule = this.RULE('temporalExpr', () => {
    this.OR([
      { ALT: () => this.CONSUME(kw.always, { LABEL: 'op' }) },
      { ALT: () => this.CONSUME(kw.eventually, { LABEL: 'op' }) },
    ]);
    this.SUBRULE(this.expression, { LABEL: 'operand' });
  });

  // ---- types: an atom, then any number of `?` --------------------------------------------

  typeExpr: Rule = this.RULE('typeExpr', () => {
    this.SUBRULE(this.typeAtom);
    this.MANY(() => this.CONSUME(Question, { LABEL: 'option' }));
  });

  typeAtom: Rule = this.RULE('typeAtom', () => {
    this.OR([
      { ALT: () => this.CONSUME(kw.bool) },
      { ALT: () => {
        this.CONSUME(kw.record);
        this.CONSUME(LBrace);
        this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.fieldType) });
        this.CONSUME(RBrace);
      } },
      { ALT: () => { this.CONSUME(kw.Set); this.CONSUME(LBracket); this.SUBRULE(this.typeExpr, { LABEL: 'elem' }); this.CONSUME(RBracket); } },
      { ALT: () => {
        this.CONSUME(kw.Seq);
        this.CONSUME2(LBracket);
        this.SUBRULE2(this.typeExpr, { LABEL: 'elem' });
        this.CONSUME(Comma);
        this.SUBRULE(this.expression, { LABEL: 'max' });
        this.CONSUME2(RBracket);
      } },
      { ALT: () => {
        this.CONSUME(kw.Map);
        this.CONSUME3(LBracket);
        this.SUBRULE3(this.typeExpr, { LABEL: 'key' });
        this.CONSUME2(Comma);
        this.SUBRULE4(this.typeExpr, { LABEL: 'value' });
        this.CONSUME3(RBracket);
      } },
      // `symmetric lo..hi` or `symmetric ring lo..hi`: `ring` is contextual (`symmetric ring..N` has a bound named ring)
      { ALT: () => {
        this.CONSUME(kw.symmetric);
        this.OPTION({ GATE: () => this.LA(1).image === 'ring' && !tokenMatcher(this.LA(2), DotDot), DEF: () => this.CONSUME(Identifier, { LABEL: 'ring' }) });
        this.SUBRULE2(this.rangeOrName, { LABEL: 'symmetric' });
      } },
      { ALT: () => this.SUBRULE(this.rangeOrName) },
    ]);
  });

  fieldType: Rule = this.RULE('fieldType', () => {
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.CONSUME(Colon);
    this.SUBRULE(this.typeExpr, { LABEL: 'type' });
  });

  // `lo..hi` with additive bounds (so `var t: 0..1 in S` stops before `in`), or a type name: a
  // name cannot be told from a bound without unbounded lookahead, so the AST builder decides.
  rangeOrName: Rule = this.RULE('rangeOrName', () => {
    this.SUBRULE(this.additive, { LABEL: 'lo' });
    this.OPTION(() => { this.CONSUME(DotDot); this.SUBRULE2(this.additive, { LABEL: 'hi' }); });
  });

  // ---- token scans for the two non-LL(k) decisions ------------------------------------------

  // At `P[`: is the matching `]` followed by `@`?
  private bracketIsFollowedByAt(): boolean {
    let depth = 0;
    for (let k = 1; ; k++) {
      const t = this.LA(k);
      if (tokenMatcher(t, EOF)) return false;
      if (OPENERS.includes(t.tokenType)) depth++;
      else if (CLOSERS.includes(t.tokenType) && --depth === 0) return tokenMatcher(this.LA(k + 1), At);
    }
  }

  // After `[`: is this `x in K |-> e`, i.e. does `|->` come before a top-level `,` or `]`?
  private mapLiteralAhead(): boolean {
    if (!tokenMatcher(this.LA(1), Identifier) || !tokenMatcher(this.LA(2), kw.in)) return false;
    let depth = 0;
    for (let k = 3; ; k++) {
      const t = this.LA(k);
      if (tokenMatcher(t, EOF)) return false;
      if (depth === 0 && (tokenMatcher(t, MapsTo) || tokenMatcher(t, Comma))) return tokenMatcher(t, MapsTo);
      if (OPENERS.includes(t.tokenType)) depth++;
      else if (CLOSERS.includes(t.tokenType) && depth-- === 0) return false;
    }
  }
}
