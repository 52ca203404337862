// A compact text form of the typed program for tests: steps as `label: stmt; stmt; goto next`,
// expressions in source-like syntax with the binder's insertions made visible (`fit[0..3](e)`,
// `some(e)`), names resolved back through the Program (`x`, `P.local`, `@label`).

import type { Expr, Place, Process, Program, Stmt } from '../../lang/program.js';
import { typeToString, type Type } from '../../lang/types.js';

const OPS: Record<string, string> = {
  implies: '=>', or: 'or', and: 'and', eq: '==', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=',
  add: '+', sub: '-', mul: '*', div: '/', mod: '%', in: 'in', notin: 'notin', subseteq: 'subseteq',
  union: 'union', diff: 'diff', inter: 'inter', range: '..',
};

export function printSteps(p: Program, process = 0): string[] {
  const proc = p.processes[process]!;
  return proc.steps.map((s) => `${proc.labels[s.label]!.name}: ${printStmts(p, proc, s.body)}`);
}

export function printStmts(p: Program, proc: Process | undefined, stmts: readonly Stmt[]): string {
  return stmts.map((s) => stmt(p, proc, s)).join('; ');
}

function stmt(p: Program, proc: Process | undefined, s: Stmt): string {
  const e = (x: Expr) => printExpr(p, proc, x);
  const block = (b: readonly Stmt[]) => `{ ${printStmts(p, proc, b)} }`;
  switch (s.kind) {
    case 'assign': return `${place(p, proc, s.target)} := ${e(s.value)}`;
    case 'await': return `await ${e(s.cond)}`;
    case 'assert': return `assert ${e(s.cond)}`;
    case 'lock': return `lock(${p.locks[s.lock]!.name})`;
    case 'unlock': return `unlock(${p.locks[s.lock]!.name})`;
    case 'if': return `if ${e(s.cond)} ${block(s.then)}${s.else.length ? ` else ${block(s.else)}` : ''}`;
    case 'either': return `either ${s.branches.map(block).join(' or ')}`;
    case 'choose': return `choose ${s.binding.name} in ${e(s.domain)} ${block(s.body)}`;
    case 'for': return `for ${s.binding.name} in ${e(s.domain)} ${block(s.body)}`;
    case 'let': return `let ${s.binding.name} = ${e(s.value)}`;
    case 'goto': return `goto ${proc?.labels[s.label]?.name ?? 'done'}`;
  }
}

function place(p: Program, proc: Process | undefined, pl: Place): string {
  let out = pl.root.kind === 'var' ? p.vars[pl.root.index]!.name : proc!.locals[pl.root.index]!.name;
  for (const step of pl.path) {
    out += step.kind === 'field' ? `.#${step.index}` : `[${printExpr(p, proc, step.kind === 'mapKey' ? step.key : step.index)}]`;
  }
  return out;
}

export function printExpr(p: Program, proc: Process | undefined, x: Expr): string {
  const e = (y: Expr) => printExpr(p, proc, y);
  switch (x.kind) {
    case 'lit': return lit(x.type, x.value);
    case 'none': return 'none';
    case 'var': return p.vars[x.index]!.name;
    case 'local': return proc!.locals[x.index]!.name;
    case 'localOf': return `${p.processes[x.process]!.name}${x.instance ? `[${e(x.instance)}]` : ''}.${p.processes[x.process]!.locals[x.index]!.name}`;
    case 'self': return 'self';
    case 'bound': return x.name;
    case 'op': return x.args.length === 1 ? `(${x.op === 'not' ? 'not ' : '-'}${e(x.args[0]!)})` : `(${e(x.args[0]!)} ${OPS[x.op]} ${e(x.args[1]!)})`;
    case 'ite': return `(if ${e(x.cond)} then ${e(x.then)} else ${e(x.else)})`;
    case 'let': return `(let ${x.binding.name} = ${e(x.value)}; ${e(x.body)})`;
    case 'quant': return `(${x.quant} ${x.binding.name} in ${e(x.domain)}: ${e(x.body)})`;
    case 'call': return `${p.fns[x.fn]!.name}(${x.args.map(e).join(', ')})`;
    case 'builtin': return `${x.name}(${x.args.map(e).join(', ')})`;
    case 'some': return `some(${e(x.value)})`;
    case 'mapGet': case 'seqGet': return `${e(x.target)}[${e(x.kind === 'mapGet' ? x.key : x.index)}]`;
    case 'field': return `${e(x.target)}.#${x.index}`;
    case 'mapSet': case 'seqSet': return `(${e(x.target)} with [${e(x.kind === 'mapSet' ? x.key : x.index)}] = ${e(x.value)})`;
    case 'fieldSet': return `(${e(x.target)} with .#${x.index} = ${e(x.value)})`;
    case 'setLit': return `{${x.elems.map(e).join(', ')}}`;
    case 'universe': return `universe[${typeToString(x.type)}]`;
    case 'setComp': return `{${e(x.elem)} for ${x.binding.name} in ${e(x.domain)}${x.filter ? ` if ${e(x.filter)}` : ''}}`;
    case 'seqLit': return `[${x.elems.map(e).join(', ')}]`;
    case 'seqComp': return `[${e(x.elem)} for ${x.binding.name} in ${e(x.domain)}${x.filter ? ` if ${e(x.filter)}` : ''}]`;
    case 'mapLit': return `[${x.binding.name} in ${x.type.kind === 'map' ? typeToString(x.type.key) : '?'} |-> ${e(x.value)}]`;
    case 'recordLit': return `{${x.values.map((v, i) => `${x.type.kind === 'record' ? x.type.fields[i]!.name : i}: ${e(v)}`).join(', ')}}`;
    case 'at': return `${p.processes[x.process]!.name}${x.instance ? `[${e(x.instance)}]` : ''}@${p.processes[x.process]!.labels[x.label]?.name ?? 'done'}`;
    case 'locked': return `locked(${p.locks[x.lock]!.name})`;
    case 'holds': return `holds(${p.locks[x.lock]!.name})`;
    case 'fit': return `fit[${typeToString(x.type)}](${e(x.value)})`;
  }
}

function lit(t: Type, v: number): string {
  if (t.kind === 'bool') return v ? 'true' : 'false';
  if (t.kind === 'enum') return t.members[v]!;
  return String(v);
}
