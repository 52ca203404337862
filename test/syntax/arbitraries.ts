// fast-check generators of random valid klp expressions and statements, as AST values (with a
// dummy span), and whole declarations. Printed with printer.ts and parsed back, they must give
// the same tree.

import fc from 'fast-check';
import type { BinaryOp, Block, Decl, Expr, Fairness, FnDecl, Ident, InvariantDecl, LValueStep, PropertyDecl, Stmt, TypeExpr, VarDecl } from '../../lang/ast.js';
import type { Span } from '../../lang/span.js';

const span: Span = { file: 'gen', start: 0, end: 0, line: 1, col: 1 };
const NAMES = ['a', 'b', 'x', 'y2', 'S', 'P', 'f', 'm', 'count', 'Patch', '_t'];
const OPS: BinaryOp[] = ['=>', 'or', 'and', '==', '!=', '<', '<=', '>', '>=', 'in', 'notin', 'subseteq', '..', 'union', 'diff', 'inter', '+', '-', '*', '/', '%'];

const ident: fc.Arbitrary<Ident> = fc.constantFrom(...NAMES).map((name) => ({ name, span }));
const label: fc.Arbitrary<Ident> = fc.constantFrom(...NAMES, 'done').map((name) => ({ name, span }));

const leaf: fc.Arbitrary<Expr> = fc.oneof(
  fc.integer({ min: 0, max: 2 ** 31 - 1 }).map((value): Expr => ({ kind: 'int', value, span })),
  fc.boolean().map((value): Expr => ({ kind: 'bool', value, span })),
  fc.constantFrom<Expr>({ kind: 'none', span }, { kind: 'self', span }, { kind: 'setLit', elems: [], span }, { kind: 'seqLit', elems: [], span }),
  ident.map((name): Expr => ({ kind: 'name', name, span })),
  fc.tuple(ident, label).map(([process, l]): Expr => ({ kind: 'at', process, instance: undefined, label: l, span })),
);

// Map domains are finite types: bool, a name, or a range with simple bounds.
const domainType: fc.Arbitrary<TypeExpr> = fc.oneof(
  fc.constant<TypeExpr>({ kind: 'bool', span }),
  ident.map((name): TypeExpr => ({ kind: 'named', name, span })),
  fc.tuple(leaf, leaf).map(([lo, hi]): TypeExpr => ({ kind: 'range', lo, hi, span })),
);

const some = <T>(arb: fc.Arbitrary<T>, min = 1): fc.Arbitrary<T[]> => fc.array(arb, { minLength: min, maxLength: 3 });

export const { expr } = fc.letrec<{ expr: Expr }>((tie) => {
  const e = tie('expr');
  return {
    expr: fc.oneof(
      { maxDepth: 4, depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.tuple(fc.constantFrom<'not' | '-'>('not', '-'), e).map(([op, operand]): Expr => ({ kind: 'unary', op, operand, span })),
      fc.tuple(fc.constantFrom(...OPS), e, e).map(([op, left, right]): Expr => ({ kind: 'binary', op, left, right, span })),
      fc.tuple(e, e, e).map(([cond, then, els]): Expr => ({ kind: 'ite', cond, then, else: els, span })),
      fc.tuple(ident, e, e).map(([name, value, body]): Expr => ({ kind: 'let', name, value, body, span })),
      fc.tuple(fc.constantFrom<'forall' | 'exists'>('forall', 'exists'), ident, e, e).map(([quant, binder, domain, body]): Expr => ({ kind: 'quant', quant, binder, domain, body, span })),
      fc.tuple(ident, some(e, 0)).map(([callee, args]): Expr => ({ kind: 'call', callee, args, span })),
      fc.tuple(e, e).map(([target, index]): Expr => ({ kind: 'index', target, index, span })),
      fc.tuple(e, ident).map(([target, field]): Expr => ({ kind: 'field', target, field, span })),
      fc.tuple(e, e, e).map(([target, index, value]): Expr => ({ kind: 'withIndex', target, index, value, span })),
      fc.tuple(e, ident, e).map(([target, field, value]): Expr => ({ kind: 'withField', target, field, value, span })),
      some(e).map((elems): Expr => ({ kind: 'setLit', elems, span })),
      some(e).map((elems): Expr => ({ kind: 'seqLit', elems, span })),
      fc.tuple(e, ident, e, fc.option(e, { nil: undefined })).map(([elem, binder, domain, filter]): Expr => ({ kind: 'setComp', elem, binder, domain, filter, span })),
      fc.tuple(e, ident, e, fc.option(e, { nil: undefined })).map(([elem, binder, domain, filter]): Expr => ({ kind: 'seqComp', elem, binder, domain, filter, span })),
      fc.tuple(ident, domainType, e).map(([binder, domain, value]): Expr => ({ kind: 'mapLit', binder, domain, value, span })),
      some(fc.tuple(ident, e)).map((fs): Expr => ({ kind: 'recordLit', fields: fs.map(([name, value]) => ({ name, value })), span })),
      fc.tuple(ident, e, label).map(([process, instance, l]): Expr => ({ kind: 'at', process, instance, label: l, span })),
      fc.tuple(fc.constantFrom<'always' | 'eventually'>('always', 'eventually'), e).map(([op, operand]): Expr => ({ kind: 'temporal', op, operand, span })),
      fc.tuple(e, e).map(([left, right]): Expr => ({ kind: 'leadsto', left, right, span })),
    ),
  };
});

// Operators only, deeper: exercises precedence and associativity far more often than `expr`.
export const { operators } = fc.letrec<{ operators: Expr }>((tie) => ({
  operators: fc.oneof(
    { maxDepth: 6, withCrossShrink: true },
    ident.map((name): Expr => ({ kind: 'name', name, span })),
    fc.tuple(fc.constantFrom<'not' | '-'>('not', '-'), tie('operators')).map(([op, operand]): Expr => ({ kind: 'unary', op, operand, span })),
    fc.tuple(fc.constantFrom(...OPS), tie('operators'), tie('operators')).map(([op, left, right]): Expr => ({ kind: 'binary', op, left, right, span })),
    fc.tuple(tie('operators'), tie('operators')).map(([target, index]): Expr => ({ kind: 'index', target, index, span })),
    fc.tuple(tie('operators'), ident, tie('operators')).map(([target, field, value]): Expr => ({ kind: 'withField', target, field, value, span })),
  ),
}));

const pathStep: fc.Arbitrary<LValueStep> = fc.oneof(
  expr.map((index): LValueStep => ({ kind: 'index', index, span })),
  ident.map((field): LValueStep => ({ kind: 'field', field, span })),
);

const message = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '"', '\\', '\n', 'é', '{'), maxLength: 8 });

const simpleStmt: fc.Arbitrary<Stmt> = fc.oneof(
  fc.tuple(ident, fc.constantFrom<Fairness | undefined>(undefined, 'weak', 'strong', 'unfair')).map(([name, fairness]): Stmt => ({ kind: 'label', name, fairness, span })),
  fc.tuple(ident, some(pathStep, 0), expr).map(([root, path, value]): Stmt => ({ kind: 'assign', target: { root, path, span }, value, span })),
  expr.map((cond): Stmt => ({ kind: 'await', cond, span })),
  fc.tuple(fc.constantFrom<'lock' | 'unlock'>('lock', 'unlock'), ident).map(([kind, lock]): Stmt => ({ kind, lock, span })),
  ident.map((target): Stmt => ({ kind: 'goto', target, span })),
  fc.tuple(ident, expr).map(([name, value]): Stmt => ({ kind: 'let', name, value, span })),
  fc.tuple(fc.option(ident, { nil: undefined }), expr, fc.option(message, { nil: undefined })).map(([name, cond, msg]): Stmt => ({ kind: 'assert', name, cond, message: msg, span })),
  fc.constant<Stmt>({ kind: 'skip', span }),
);

export const { stmts } = fc.letrec<{ stmts: Stmt[]; stmt: Stmt; block: Block }>((tie) => {
  const block = tie('block');
  return {
    stmts: fc.array(tie('stmt'), { maxLength: 3 }),
    block: tie('stmts').map((s): Block => ({ stmts: s, span })),
    stmt: fc.oneof(
      { maxDepth: 3, depthSize: 'small', withCrossShrink: true },
      simpleStmt,
      fc.tuple(expr, block, fc.option(block, { nil: undefined })).map(([cond, then, els]): Stmt => ({ kind: 'if', cond, then, else: els, span })),
      fc.tuple(expr, block).map(([cond, body]): Stmt => ({ kind: 'while', cond, body, span })),
      some(block, 2).map((branches): Stmt => ({ kind: 'either', branches, span })),
      fc.tuple(fc.constantFrom<'choose' | 'for'>('choose', 'for'), ident, expr, block).map(([kind, binder, domain, body]): Stmt => ({ kind, binder, domain, body, span })),
    ),
  };
});

const typeExpr: fc.Arbitrary<TypeExpr> = fc.oneof(
  domainType,
  domainType.map((elem): TypeExpr => ({ kind: 'set', elem, span })),
  fc.tuple(domainType, leaf).map(([elem, max]): TypeExpr => ({ kind: 'seq', elem, max, span })),
  fc.tuple(domainType, domainType).map(([key, value]): TypeExpr => ({ kind: 'map', key, value, span })),
  domainType.map((inner): TypeExpr => ({ kind: 'option', inner, span })),
  fc.tuple(fc.boolean(), leaf, leaf).map(([ring, lo, hi]): TypeExpr => ({ kind: 'symmetric', ring, lo, hi, span })),
  some(fc.tuple(ident, domainType)).map((fs): TypeExpr => ({ kind: 'record', fields: fs.map(([name, type]) => ({ name, type })), span })),
);

const body: fc.Arbitrary<Block> = stmts.map((s): Block => ({ stmts: s, span }));
const fnDecl: fc.Arbitrary<FnDecl> = fc.tuple(ident, some(fc.tuple(ident, typeExpr), 0), typeExpr, expr)
  .map(([name, ps, result, b]): FnDecl => ({ kind: 'fn', name, params: ps.map(([n, type]) => ({ name: n, type })), result, body: b, span }));
const invariant: fc.Arbitrary<InvariantDecl> = fc.tuple(ident, expr).map(([name, e]): InvariantDecl => ({ kind: 'invariant', name, expr: e, span }));
const property: fc.Arbitrary<PropertyDecl> = fc.tuple(ident, expr).map(([name, formula]): PropertyDecl => ({ kind: 'property', name, formula, span }));
const varDecl: fc.Arbitrary<VarDecl> = fc.tuple(ident, typeExpr, fc.constantFrom<'value' | 'oneOf'>('value', 'oneOf'), expr)
  .map(([name, type, kind, e]): VarDecl => ({ kind: 'var', name, type, init: { kind, expr: e }, span }));

// Every kind of declaration, variant-only ones included (the parser accepts them anywhere).
export const decl: fc.Arbitrary<Decl> = fc.oneof(
  fc.tuple(ident, expr).map(([name, value]): Decl => ({ kind: 'const', name, value, span })),
  fc.tuple(ident, some(ident)).map(([name, members]): Decl => ({ kind: 'enum', name, members, span })),
  fc.tuple(ident, typeExpr).map(([name, type]): Decl => ({ kind: 'type', name, type, span })),
  varDecl,
  ident.map((name): Decl => ({ kind: 'lock', name, span })),
  fnDecl,
  fc.tuple(ident, fc.constantFrom<Fairness>('unfair', 'weak', 'strong'), fc.option(fc.tuple(ident, typeExpr), { nil: undefined }), some(varDecl, 0), body)
    .map(([name, fairness, p, locals, b]): Decl => ({ kind: 'process', name, fairness, param: p && { name: p[0], type: p[1] }, locals, body: b, span })),
  invariant,
  property,
  property.map((prop): Decl => ({ kind: 'replaceProperty', property: prop, span })),
  ident.map((name): Decl => ({ kind: 'removeProperty', name, span })),
  fc.tuple(ident, ident, body).map(([process, l, b]): Decl => ({ kind: 'replaceStep', process, label: l, body: b, span })),
  fc.tuple(ident, ident, body).map(([process, l, b]): Decl => ({ kind: 'prependStep', process, label: l, body: b, span })),
  fnDecl.map((fn): Decl => ({ kind: 'replaceFn', fn, span })),
  invariant.map((inv): Decl => ({ kind: 'replaceInvariant', invariant: inv, span })),
  ident.map((name): Decl => ({ kind: 'removeInvariant', name, span })),
  fc.tuple(ident, ident).map(([process, l]): Decl => ({ kind: 'removeStep', process, label: l, span })),
  fc.tuple(ident, typeExpr).map(([name, type]): Decl => ({ kind: 'replaceType', type: { kind: 'type', name, type, span }, span })),
);
