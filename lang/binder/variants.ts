// Variant merging, on the AST and before binding. In: the declarations of the (already merged)
// base and one variant file. Out: the declarations of the variant: a `const` of the base gets
// the variant's default, `replace step P.L` splices the new statements over those from label L
// up to the next label of the same block (`prepend step` inserts after L, `remove step` deletes
// them), `replace fn`/`replace invariant`/`remove invariant` (and the same for properties) act
// on the base's declaration, anything else is added (a name clash is the binder's KLP2002).

import type * as ast from '../ast.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/render.js';
import { children } from './structure.js';

export function mergeVariant(base: readonly ast.Decl[], variant: readonly ast.Decl[], diags: Diagnostic[]): ast.Decl[] {
  const out = [...base];
  const overridden = new Set<string>();
  const find = <K extends ast.Decl['kind']>(kind: K, name: string) =>
    out.findIndex((d) => d.kind === kind && 'name' in d && d.name.name === name);
  for (const d of variant) {
    switch (d.kind) {
      case 'const': {
        const i = find('const', d.name.name);
        if (i < 0 || overridden.has(d.name.name)) out.push(d);
        else {
          overridden.add(d.name.name);
          out[i] = { ...(out[i] as typeof d), value: d.value };
        }
        break;
      }
      case 'replaceStep': case 'prependStep': case 'removeStep': editStep(out, d, diags); break;
      case 'replaceFn': {
        const i = find('fn', d.fn.name.name);
        if (i < 0) missing(diags, out, 'replace', 'fn', d.fn.name);
        else if (sameSignature(out[i] as ast.FnDecl, d.fn, diags)) out[i] = d.fn;
        break;
      }
      case 'replaceType': {
        const i = find('type', d.type.name.name);
        if (i < 0) missing(diags, out, 'replace', 'type', d.type.name);
        else out[i] = d.type;
        break;
      }
      case 'replaceInvariant': case 'removeInvariant': case 'replaceProperty': case 'removeProperty': {
        const kind = d.kind === 'replaceInvariant' || d.kind === 'removeInvariant' ? 'invariant' : 'property';
        const replacement = d.kind === 'replaceInvariant' ? d.invariant : d.kind === 'replaceProperty' ? d.property : undefined;
        const id = replacement?.name ?? (d as { name: ast.Ident }).name;
        const i = find(kind, id.name);
        if (i < 0) missing(diags, out, replacement ? 'replace' : 'remove', kind, id);
        else if (replacement) out[i] = replacement;
        else out.splice(i, 1);
        break;
      }
      default: out.push(d);
    }
  }
  for (const d of variant) if (d.kind === 'removeStep') danglingGotos(out, d, diags);
  return out;
}

function missing(diags: Diagnostic[], decls: readonly ast.Decl[], action: string, kind: 'fn' | 'invariant' | 'property' | 'type', id: ast.Ident): void {
  const names = decls.flatMap((d) => (d.kind === kind ? [d.name.name] : []));
  const near = closest(id.name, names);
  const what = { fn: 'function', invariant: 'invariant', property: 'property', type: 'type' }[kind];
  diags.push(diag('KLP5004', id.span, { action, what, name: id.name }, near === undefined ? {} : { hint: `did you mean '${near}'?` }));
}

// Signatures are compared as written (types as type expressions), ignoring parameter names.
function sameSignature(old: ast.FnDecl, fn: ast.FnDecl, diags: Diagnostic[]): boolean {
  const key = (t: ast.TypeExpr) => JSON.stringify(t, (k, v: unknown) => (k === 'span' ? undefined : v));
  let why: string | undefined;
  if (old.params.length !== fn.params.length) why = `it had ${old.params.length} parameter(s), not ${fn.params.length}`;
  else {
    const i = old.params.findIndex((p, j) => key(p.type) !== key(fn.params[j]!.type));
    if (i >= 0) why = `parameter ${i + 1} ('${fn.params[i]!.name.name}') has a different type`;
    else if (key(old.result) !== key(fn.result)) why = 'the result type differs';
  }
  if (why === undefined) return true;
  diags.push(diag('KLP5007', fn.name.span, { name: fn.name.name, why }, { related: [{ span: old.name.span, message: 'the base declaration' }] }));
  return false;
}

// `replace step` swaps the step's statements (the replacement starts with the same label);
// `prepend step` inserts statements right after the label, so a fix that adds a line at the
// start of a step states just that line; `remove step` deletes them, so a fix that merges two
// steps leaves no empty step behind to count in coverage and `klpc diff`.
type StepDecl = ast.Decl & { kind: 'replaceStep' | 'prependStep' | 'removeStep' };
const ACTION = { replaceStep: 'replace', prependStep: 'prepend to', removeStep: 'remove' } as const;

function editStep(out: ast.Decl[], d: StepDecl, diags: Diagnostic[]): void {
  const args = { process: d.process.name, label: d.label.name, action: ACTION[d.kind] };
  if (d.kind === 'replaceStep') {
    const first = d.body.stmts[0];
    if (first?.kind !== 'label' || first.name.name !== d.label.name) {
      diags.push(diag('KLP5005', first?.span ?? d.body.span, args));
      return;
    }
  }
  const edit: StepEdit = d.kind === 'replaceStep' ? () => d.body.stmts
    : d.kind === 'prependStep' ? (old) => [old[0]!, ...d.body.stmts, ...old.slice(1)]
    : () => [];
  const i = out.findIndex((x) => x.kind === 'process' && x.name.name === d.process.name);
  const proc = out[i] as ast.ProcessDecl | undefined;
  const stmts = proc && spliceStep(proc.body.stmts, d.label.name, edit);
  if (!proc || !stmts) {
    const steps = out.flatMap((x) => (x.kind === 'process' ? labelsIn(x.body.stmts).map((l) => `${x.name.name}.${l}`) : []));
    const near = closest(`${d.process.name}.${d.label.name}`, steps);
    diags.push(diag('KLP5003', joinIds(d.process, d.label), args, near === undefined ? {} : { hint: `did you mean '${near}'?` }));
    return;
  }
  out[i] = { ...proc, body: { ...proc.body, stmts } };
}

// A goto left pointing at a removed label is the variant's mistake, reported at the `remove`
// (the binder would blame the base's line instead).
function danglingGotos(out: readonly ast.Decl[], d: ast.Decl & { kind: 'removeStep' }, diags: Diagnostic[]): void {
  const proc = out.find((x): x is ast.ProcessDecl => x.kind === 'process' && x.name.name === d.process.name);
  if (proc === undefined || labelsIn(proc.body.stmts).includes(d.label.name)) return;
  const gotos = gotosTo(proc.body.stmts, d.label.name);
  if (gotos.length === 0) return;
  const args = { process: d.process.name, label: d.label.name, why: `${gotos.length === 1 ? 'a goto still jumps' : `${gotos.length} gotos still jump`} to it` };
  diags.push(diag('KLP5008', joinIds(d.process, d.label), args, {
    hint: 'replace the steps with those gotos as well',
    related: gotos.map((span) => ({ span, message: `goto ${d.label.name}` })),
  }));
}

function gotosTo(stmts: readonly ast.Stmt[], label: string): ast.Ident['span'][] {
  return stmts.flatMap((s) => [
    ...(s.kind === 'goto' && s.target.name === label ? [s.span] : []),
    ...children(s, undefined).flatMap(([b]) => gotosTo(b, label)),
  ]);
}

function joinIds(a: ast.Ident, b: ast.Ident): ast.Ident['span'] {
  return { ...a.span, end: b.span.end };
}

type StepEdit = (old: readonly ast.Stmt[]) => readonly ast.Stmt[];

// `stmts` with the step at `label` (in whichever block holds it) edited, or undefined. The
// step's statements run from its label up to the next label in the same block.
function spliceStep(stmts: readonly ast.Stmt[], label: string, repl: StepEdit): ast.Stmt[] | undefined {
  const i = stmts.findIndex((s) => s.kind === 'label' && s.name.name === label);
  if (i >= 0) {
    let j = i + 1;
    while (j < stmts.length && stmts[j]!.kind !== 'label') j++;
    return [...stmts.slice(0, i), ...repl(stmts.slice(i, j)), ...stmts.slice(j)];
  }
  for (let k = 0; k < stmts.length; k++) {
    const s = spliceIn(stmts[k]!, label, repl);
    if (s) return [...stmts.slice(0, k), s, ...stmts.slice(k + 1)];
  }
  return undefined;
}

function spliceIn(s: ast.Stmt, label: string, repl: StepEdit): ast.Stmt | undefined {
  const sub = (b: ast.Block) => {
    const stmts = spliceStep(b.stmts, label, repl);
    return stmts && { ...b, stmts };
  };
  switch (s.kind) {
    case 'if': {
      const then = sub(s.then);
      if (then) return { ...s, then };
      const els = s.else && sub(s.else);
      return els && { ...s, else: els };
    }
    case 'either': {
      const k = s.branches.findIndex((b) => sub(b));
      return k < 0 ? undefined : { ...s, branches: s.branches.map((b, j) => (j === k ? sub(b)! : b)) };
    }
    case 'while': {
      const body = sub(s.body);
      return body && { ...s, body };
    }
    default: return undefined;
  }
}

function labelsIn(stmts: readonly ast.Stmt[]): string[] {
  return stmts.flatMap((s) => [...(s.kind === 'label' ? [s.name.name] : []), ...children(s, undefined).flatMap(([b]) => labelsIn(b))]);
}
