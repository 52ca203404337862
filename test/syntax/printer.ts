// Test helper: prints an AST back to klp text with as few parentheses as the precedence table
// of docs/language.md allows. It encodes that table independently of the parser, so parsing
// the printed text and comparing ASTs (without spans) checks precedence and associativity.

import type { Block, Decl, Expr, Fairness, FnDecl, InvariantDecl, PropertyDecl, SpecFile, Stmt, TypeExpr, VarDecl } from '../../lang/ast.js';

// Precedence of docs/language.md, lowest first. `if`, `let`, quantifiers and `with` updates end
// in a full expression (they extend as far right as possible): LOWEST, so parenthesized as operands.
// `leadsto` binds loosest of the binary operators; `always`/`eventually` extend to the right.
const LOWEST = 0;
const LEADSTO = 0.5;
const BINARY: Readonly<Record<string, { prec: number; assoc: 'left' | 'right' | 'none' }>> = {
  '=>': { prec: 1, assoc: 'right' },
  or: { prec: 2, assoc: 'left' },
  and: { prec: 3, assoc: 'left' },
  ...Object.fromEntries(['==', '!=', '<', '<=', '>', '>=', 'in', 'notin', 'subseteq'].map((op) => [op, { prec: 5, assoc: 'none' as const }])),
  '..': { prec: 6, assoc: 'none' },
  union: { prec: 7, assoc: 'left' },
  diff: { prec: 7, assoc: 'left' },
  inter: { prec: 8, assoc: 'left' },
  '+': { prec: 9, assoc: 'left' },
  '-': { prec: 9, assoc: 'left' },
  '*': { prec: 10, assoc: 'left' },
  '/': { prec: 10, assoc: 'left' },
  '%': { prec: 10, assoc: 'left' },
};
const NOT = 4;
const NEG = 11;
const POSTFIX = 12;
const ATOM = 13;

function prec(e: Expr): number {
  switch (e.kind) {
    case 'ite': case 'let': case 'quant': case 'withIndex': case 'withField': case 'temporal': return LOWEST;
    case 'leadsto': return LEADSTO;
    case 'binary': return BINARY[e.op]!.prec;
    case 'unary': return e.op === 'not' ? NOT : NEG;
    case 'index': case 'field': return POSTFIX;
    default: return ATOM;
  }
}

export function printExpr(e: Expr, ctx = LOWEST): string {
  const text = printBare(e);
  return prec(e) < ctx ? `(${text})` : text;
}

const list = (es: readonly Expr[]): string => es.map((x) => printExpr(x)).join(', ');

function printBare(e: Expr): string {
  switch (e.kind) {
    case 'int': return String(e.value);
    case 'bool': return String(e.value);
    case 'none': return 'none';
    case 'self': return 'self';
    case 'name': return e.name.name;
    case 'unary': return e.op === 'not' ? `not ${printExpr(e.operand, NOT)}` : `- ${printExpr(e.operand, NEG)}`;
    case 'binary': {
      const { prec: p, assoc } = BINARY[e.op]!;
      const op = e.op === '..' ? '..' : ` ${e.op} `;
      return `${printExpr(e.left, assoc === 'left' ? p : p + 1)}${op}${printExpr(e.right, assoc === 'right' ? p : p + 1)}`;
    }
    case 'ite': return `if ${printExpr(e.cond)} then ${printExpr(e.then)} else ${printExpr(e.else)}`;
    case 'let': return `let ${e.name.name} = ${printExpr(e.value)}; ${printExpr(e.body)}`;
    case 'quant': return `${e.quant} ${e.binder.name} in ${printExpr(e.domain)}: ${printExpr(e.body)}`;
    case 'call': return `${e.callee.name}(${list(e.args)})`;
    case 'index': return `${printExpr(e.target, POSTFIX)}[${printExpr(e.index)}]`;
    case 'field': return `${printExpr(e.target, POSTFIX)}.${e.field.name}`;
    case 'withIndex': return `${printExpr(e.target, POSTFIX)} with [${printExpr(e.index)}] = ${printExpr(e.value)}`;
    case 'withField': return `${printExpr(e.target, POSTFIX)} with .${e.field.name} = ${printExpr(e.value)}`;
    case 'setLit': return `{${list(e.elems)}}`;
    case 'setComp': return `{ ${printExpr(e.elem)} for ${e.binder.name} in ${printExpr(e.domain)}${e.filter ? ` if ${printExpr(e.filter)}` : ''} }`;
    case 'seqLit': return `[${list(e.elems)}]`;
    case 'seqComp': return `[${printExpr(e.elem)} for ${e.binder.name} in ${printExpr(e.domain)}${e.filter ? ` if ${printExpr(e.filter)}` : ''}]`;
    case 'mapLit': return `[${e.binder.name} in ${printType(e.domain)} |-> ${printExpr(e.value)}]`;
    case 'recordLit': return `{ ${e.fields.map((f) => `${f.name.name}: ${printExpr(f.value)}`).join(', ')} }`;
    case 'at': return `${e.process.name}${e.instance ? `[${printExpr(e.instance)}]` : ''}@${e.label.name}`;
    case 'localOf': return `${e.process.name}${e.instance ? `[${printExpr(e.instance)}]` : ''}.${e.local.name}`;
    case 'temporal': return `${e.op} ${printExpr(e.operand)}`;
    case 'leadsto': return `${printExpr(e.left, BINARY['=>']!.prec)} leadsto ${printExpr(e.right, BINARY['=>']!.prec)}`;
  }
}

export function printType(t: TypeExpr): string {
  switch (t.kind) {
    case 'bool': return 'bool';
    case 'int': return 'int';
    case 'range': return `${printExpr(t.lo, BINARY['+']!.prec)}..${printExpr(t.hi, BINARY['+']!.prec)}`;
    case 'named': return t.name.name;
    case 'record': return `record { ${t.fields.map((f) => `${f.name.name}: ${printType(f.type)}`).join(', ')} }`;
    case 'set': return `Set[${printType(t.elem)}]`;
    case 'seq': return `Seq[${printType(t.elem)}, ${printExpr(t.max)}]`;
    case 'map': return `Map[${printType(t.key)}, ${printType(t.value)}]`;
    case 'option': return `${printType(t.inner)}?`;
    case 'symmetric': return `symmetric ${t.ring ? 'ring ' : ''}${printExpr(t.lo, BINARY['+']!.prec)}..${printExpr(t.hi, BINARY['+']!.prec)}`;
  }
}

export function printBlock(b: Block, indent = ''): string {
  return `{\n${b.stmts.map((s) => printStmt(s, `${indent}  `)).join('')}${indent}}`;
}

const quote = (s: string): string => `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\n')}"`;

export function printStmt(s: Stmt, indent = ''): string {
  const line = (text: string): string => `${indent}${text}\n`;
  switch (s.kind) {
    case 'label': return line(`${fairnessPrefix(s.fairness)}${s.name.name}:`);
    case 'assign': {
      const path = s.target.path.map((p) => (p.kind === 'index' ? `[${printExpr(p.index)}]` : `.${p.field.name}`)).join('');
      return line(`${s.target.root.name}${path} := ${printExpr(s.value)};`);
    }
    case 'await': return line(`await ${printExpr(s.cond)};`);
    case 'lock': case 'unlock': return line(`${s.kind}(${s.lock.name});`);
    case 'if': return line(`if ${printExpr(s.cond)} ${printBlock(s.then, indent)}${s.else ? ` else ${printElse(s.else, indent)}` : ''}`);
    case 'while': return line(`while ${printExpr(s.cond)} ${printBlock(s.body, indent)}`);
    case 'goto': return line(`goto ${s.target.name};`);
    case 'either': return line(`either ${s.branches.map((b) => printBlock(b, indent)).join(' or ')}`);
    case 'choose': case 'for': return line(`${s.kind} ${s.binder.name} in ${printExpr(s.domain)} ${printBlock(s.body, indent)}`);
    case 'let': return line(`let ${s.name.name} = ${printExpr(s.value)};`);
    case 'assert': return line(`assert ${s.name ? `${s.name.name}: ` : ''}${printExpr(s.cond)}${s.message === undefined ? '' : `, ${quote(s.message)}`};`);
    case 'skip': return line('skip;');
  }
}

function fairnessPrefix(f: Fairness | undefined): string {
  return f === undefined ? '' : f === 'unfair' ? 'unfair ' : f === 'strong' ? 'strong fair ' : 'fair ';
}

function printElse(b: Block, indent: string): string {
  const only = b.stmts[0];
  return b.stmts.length === 1 && only?.kind === 'if' ? printStmt(only, indent).trim() : printBlock(b, indent);
}

const printVar = (v: VarDecl): string => `var ${v.name.name}: ${printType(v.type)} ${v.init.kind === 'value' ? '=' : 'in'} ${printExpr(v.init.expr)}`;
const printFn = (f: FnDecl): string =>
  `fn ${f.name.name}(${f.params.map((p) => `${p.name.name}: ${printType(p.type)}`).join(', ')}): ${printType(f.result)} = ${printExpr(f.body)}`;
const printInvariant = (i: InvariantDecl): string => `invariant ${i.name.name}: ${printExpr(i.expr)}`;
const printProperty = (p: PropertyDecl): string => `property ${p.name.name}: ${printExpr(p.formula)}`;

export function printDecl(d: Decl): string {
  switch (d.kind) {
    case 'const': return `const ${d.name.name} = ${printExpr(d.value)}`;
    case 'enum': return `enum ${d.name.name} { ${d.members.map((m) => m.name).join(', ')} }`;
    case 'type': return `type ${d.name.name} = ${printType(d.type)}`;
    case 'var': return printVar(d);
    case 'lock': return `lock ${d.name.name}`;
    case 'fn': return printFn(d);
    case 'process': {
      const param = d.param ? `(${d.param.name.name}: ${printType(d.param.type)})` : '';
      const locals = d.locals.map((l) => `  ${printVar(l)}\n`).join('');
      return `${d.fairness === 'unfair' ? '' : fairnessPrefix(d.fairness)}process ${d.name.name}${param} {\n${locals}${d.body.stmts.map((s) => printStmt(s, '  ')).join('')}}`;
    }
    case 'invariant': return printInvariant(d);
    case 'property': return printProperty(d);
    case 'replaceStep': return `replace step ${d.process.name}.${d.label.name} ${printBlock(d.body)}`;
    case 'prependStep': return `prepend step ${d.process.name}.${d.label.name} ${printBlock(d.body)}`;
    case 'replaceFn': return `replace ${printFn(d.fn)}`;
    case 'replaceInvariant': return `replace ${printInvariant(d.invariant)}`;
    case 'replaceType': return `replace type ${d.type.name.name} = ${printType(d.type.type)}`;
    case 'removeInvariant': return `remove invariant ${d.name.name}`;
    case 'removeStep': return `remove step ${d.process.name}.${d.label.name}`;
    case 'replaceProperty': return `replace ${printProperty(d.property)}`;
    case 'removeProperty': return `remove property ${d.name.name}`;
  }
}

// Declarations end with ';' so that a declaration ending in an expression never runs into the next.
export function printSpec(spec: SpecFile): string {
  const head = spec.variantOf ? `variant of ${quote(spec.variantOf.path)};\n` : '';
  return head + spec.decls.map((d) => `${printDecl(d)};\n`).join('');
}

// The AST without spans, for comparing shapes.
export function shape(x: unknown): unknown {
  return JSON.parse(JSON.stringify(x, (k, v: unknown) => (k === 'span' ? undefined : v)));
}
