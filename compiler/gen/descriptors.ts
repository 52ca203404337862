// Static descriptions emitted into the generated module: the value descriptors its decoder walks
// (for traces only), and the TypeScript types of the decoded `State`.

import { domainSize, domainValue, type Type } from '../../lang/types.js';
import { fieldOffset, slotsOf } from '../layout.js';
import { quote } from './text.js';

export function descriptor(t: Type): string {
  switch (t.kind) {
    case 'bool': return "{ k: 'bool' }";
    case 'int': return "{ k: 'int' }";
    case 'enum': return `{ k: 'enum', m: [${t.members.map(quote).join(', ')}] }`;
    case 'option': return `{ k: 'option', t: ${descriptor(t.inner)} }`;
    case 'record': return `{ k: 'record', f: [${t.fields.map((f, i) => `[${quote(f.name)}, ${fieldOffset(t, i)}, ${descriptor(f.type)}]`).join(', ')}] }`;
    case 'set': return `{ k: 'set', t: ${descriptor(t.elem)}, n: ${domainSize(t.elem)}, lo: ${domainValue(t.elem, 0)} }`;
    case 'seq': return `{ k: 'seq', t: ${descriptor(t.elem)}, es: ${slotsOf(t.elem)} }`;
    case 'map': return `{ k: 'map', kt: ${descriptor(t.key)}, n: ${domainSize(t.key)}, lo: ${domainValue(t.key, 0)}, vs: ${slotsOf(t.value)}, t: ${descriptor(t.value)} }`;
  }
}

export function tsType(t: Type): string {
  switch (t.kind) {
    case 'bool': return 'boolean';
    case 'int': return 'number';
    case 'enum': return t.members.map(quote).join(' | ');
    case 'option': return `{ tag: 'None'; value: { '#tup': [] } } | { tag: 'Some'; value: ${tsType(t.inner)} }`;
    case 'record': return `{ ${t.fields.map((f) => `${quote(f.name)}: ${tsType(f.type)}`).join('; ')} }`;
    case 'set': return `{ '#set': (${tsType(t.elem)})[] }`;
    case 'seq': return `(${tsType(t.elem)})[]`;
    case 'map': return `{ '#map': [${tsType(t.key)}, ${tsType(t.value)}][] }`;
  }
}
