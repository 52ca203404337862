// `klpc compile --cfg`: each process's control-flow graph as Graphviz DOT, one cluster per
// process. A node per step (its label and source line), an edge from a step to every step its
// paths can end at (the gotos of the typed program, step extraction's included), `done` as a
// double circle. Steps that can block (`await`, `lock`) are drawn dashed: a path may not run.
// In: the typed Program. Out: DOT text.

import type { Process, Program, Stmt } from '../lang/program.js';

function esc(s: string): string {
  return s.replace(/[\\"]/g, (c) => `\\${c}`);
}

// Where the paths of a step can go (label indexes, labels.length = done), and whether it can block.
function exits(stmts: readonly Stmt[], out: Set<number>): boolean {
  let blocks = false;
  for (const s of stmts) {
    switch (s.kind) {
      case 'goto': out.add(s.label); break;
      case 'await': case 'lock': blocks = true; break;
      case 'if': blocks = exits(s.then, out) || blocks; blocks = exits(s.else, out) || blocks; break;
      case 'either': for (const b of s.branches) blocks = exits(b, out) || blocks; break;
      case 'choose': case 'for': blocks = exits(s.body, out) || blocks; break;
      default: break;
    }
  }
  return blocks;
}

function processCluster(p: Process, k: number): string[] {
  const id = (label: number) => `p${k}_${label === p.labels.length ? 'done' : label}`;
  const lines = [
    `  subgraph cluster_${k} {`,
    `    label="process ${esc(p.name)}${p.param ? `(${esc(p.param.name)})` : ''}";`,
    `    p${k}_start [shape=point];`,
    `    ${id(p.labels.length)} [shape=doublecircle, label="done"];`,
  ];
  const edges: string[] = [`    p${k}_start -> ${id(0)};`];
  p.steps.forEach((step, i) => {
    const targets = new Set<number>();
    const blocks = exits(step.body, targets);
    const l = p.labels[step.label]!;
    lines.push(`    ${id(i)} [label="${esc(l.name)}\\nline ${l.span.line}"${blocks ? ', style=dashed' : ''}];`);
    for (const t of [...targets].sort((a, b) => a - b)) edges.push(`    ${id(i)} -> ${id(t)};`);
  });
  return [...lines, ...edges, '  }'];
}

export function cfgDot(program: Program): string {
  const lines = [
    `// klpc compile --cfg: the steps of each process of ${program.name}; dashed: the step can block`,
    `digraph "${esc(program.name)}" {`,
    '  node [shape=ellipse, fontname="monospace", fontsize=10];',
    ...program.processes.flatMap((p, k) => processCluster(p, k)),
    '}',
  ];
  return `${lines.join('\n')}\n`;
}
