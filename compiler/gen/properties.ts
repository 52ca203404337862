// The temporal properties of a program as generated code: one predicate function per state
// predicate and instance (the binders of the outer `forall`s become literals, so each function
// is as plain as an invariant), and their TemporalMeta. In: the program and the module being
// generated. Out: the functions (named `predicate<k>`) and the metadata entries.

import type { Program, Property } from '../../lang/program.js';
import type { TemporalMeta } from '../../runtime/model.js';
import { FnBuilder } from './builder.js';
import { lowerExpr } from './expr.js';
import type { GenFunction } from './model.js';
import type { ModuleGen } from './module.js';
import { asScalar, literalJs, scalar, type Ctx } from './operand.js';

export interface GeneratedProperties {
  readonly functions: readonly GenFunction[];
  readonly meta: readonly TemporalMeta[];
}

export function generateProperties(program: Program, mod: ModuleGen): GeneratedProperties {
  const functions: GenFunction[] = [];
  const predicate = (prop: Property, which: 'p' | 'q', values: readonly number[]): number => {
    const fb = new FnBuilder('');
    // failing to evaluate makes the predicate undefined in this state: its caller reports it
    const ctx: Ctx = { fb, mod, proc: undefined, bound: new Map(), fail: (site) => fb.line(`return ${-1 - site};`) };
    prop.binders.forEach((b, i) => ctx.bound.set(b.id, scalar(b.type.kind === 'bool' ? String(values[i] !== 0) : literalJs(values[i]!))));
    const v = asScalar(lowerExpr(ctx, which === 'p' ? prop.p : prop.q!));
    fb.line(`return ${v} ? 1 : 0;`);
    const name = `predicate${functions.length}`;
    functions.push({ name, params: [['s', 'Int32Array']], returnType: 'number', body: fb.body(), doc: `property ${prop.name}${instanceLabel(prop, values) ? ` (${instanceLabel(prop, values)})` : ''}: ${prop.text[which]}` });
    return functions.length - 1;
  };
  const meta = program.properties.map((prop): TemporalMeta => ({
    name: prop.name,
    loc: { file: prop.span.file, line: prop.span.line, col: prop.span.col },
    form: prop.form,
    text: prop.text.q === undefined ? { p: prop.text.p } : { p: prop.text.p, q: prop.text.q },
    instances: prop.instances.map((values) => ({
      label: instanceLabel(prop, values),
      p: predicate(prop, 'p', values),
      q: prop.q === undefined ? -1 : predicate(prop, 'q', values),
    })),
  }));
  return { functions, meta };
}

// `t = 2, c = red`: the values of the outer foralls, as the language writes them.
function instanceLabel(prop: Property, values: readonly number[]): string {
  return prop.binders.map((b, i) => {
    const v = values[i]!;
    const text = b.type.kind === 'enum' ? b.type.members[v] : b.type.kind === 'bool' ? String(v !== 0) : String(v);
    return `${b.name} = ${text}`;
  }).join(', ');
}
