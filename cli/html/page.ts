// The HTML trace viewer: one self-contained page (inline CSS and script, no network) for
// `klpc check --html` (one pane) and `klpc diff --html` (the two specs side by side). Each pane
// lists its verdicts and its traces; the chosen trace shows its lanes as columns, a step slider
// (and ◀ ▶, arrow keys), and the variables at the chosen step with those it changed
// highlighted; the violated property heads the trace. The data is embedded as JSON and put on
// the page with textContent only, so nothing from a spec is ever parsed as HTML.

import type { TraceView } from './model.js';

export interface VerdictView {
  readonly name: string;
  readonly text: string; // `violated (5 steps)`
  readonly status: 'holds' | 'violated' | 'unknown';
}

export interface PaneView {
  readonly name: string;
  readonly verdicts: readonly VerdictView[];
  readonly traces: readonly TraceView[];
}

export interface PageView {
  readonly title: string;
  readonly summary: readonly string[];
  readonly panes: readonly PaneView[];
}

const CSS = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #1d2330; background: #fafbfc; }
header { padding: 12px 20px; background: #1d2330; color: #fff; }
header h1 { font-size: 18px; margin: 0 0 4px; }
header pre { margin: 0; font-size: 12px; color: #c9d1e0; white-space: pre-wrap; }
main { display: flex; gap: 16px; padding: 16px; align-items: flex-start; }
.pane { flex: 1 1 0; min-width: 0; background: #fff; border: 1px solid #d8dde6; border-radius: 6px; padding: 12px 16px; }
.pane h2 { margin: 0 0 8px; font-size: 16px; }
.verdicts { list-style: none; padding: 0; margin: 0 0 12px; font-family: ui-monospace, monospace; font-size: 13px; }
.verdicts .holds::before { content: "✓ "; color: #1a7f37; }
.verdicts .violated::before { content: "✗ "; color: #cf222e; }
.verdicts .unknown::before { content: "? "; color: #9a6700; }
.trace h3 { font-size: 14px; margin: 12px 0 4px; }
.violation { color: #cf222e; font-weight: 600; margin: 0 0 8px; font-family: ui-monospace, monospace; }
.controls { display: flex; gap: 8px; align-items: center; margin: 8px 0; }
.controls input[type=range] { flex: 1; }
table { border-collapse: collapse; font-family: ui-monospace, monospace; font-size: 12px; }
.lanes { width: 100%; margin-bottom: 12px; }
.lanes th, .lanes td, .vars th, .vars td { border: 1px solid #e1e5eb; padding: 2px 8px; text-align: left; vertical-align: top; }
.lanes th.lane { background: #eef1f6; }
.lanes tr.step { cursor: pointer; }
.lanes tr.current td { background: #fff4c2; }
.lanes tr.failed td.cell-filled { color: #cf222e; font-weight: 600; }
.lanes tr.loop-start td { border-top: 2px solid #8250df; }
p.loop { color: #8250df; }
.lanes td.changes { color: #57606a; }
.vars tr.changed td { background: #ffe1b0; font-weight: 600; }
.empty { color: #57606a; font-style: italic; }
`;

// Runs in the page: reads the JSON, builds each pane with DOM calls and textContent.
const SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('klpc-data').textContent);
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; }
  function showTrace(box, t) {
    box.textContent = '';
    box.appendChild(el('h3', 'title', t.title));
    box.appendChild(el('p', 'violation', t.verdict));
    var controls = el('div', 'controls');
    var prev = el('button', 'prev', '◀'), next = el('button', 'next', '▶');
    var slider = el('input', 'slider'); slider.type = 'range'; slider.min = 0; slider.max = t.rows.length - 1; slider.value = t.rows.length - 1;
    var pos = el('span', 'position');
    controls.append(prev, slider, next, pos);
    box.appendChild(controls);
    var lanes = el('table', 'lanes'), head = el('tr');
    head.appendChild(el('th', '', '#'));
    t.lanes.forEach(function (l) { head.appendChild(el('th', 'lane', l)); });
    head.appendChild(el('th', '', 'changes'));
    lanes.appendChild(el('thead')).appendChild(head);
    var body = lanes.appendChild(el('tbody'));
    var rows = t.rows.map(function (r, i) {
      var tr = el('tr', 'step' + (r.failed ? ' failed' : '')); tr.dataset.step = i;
      tr.appendChild(el('td', 'num', String(r.num)));
      if (r.lane < 0) { var c = el('td', 'cell-filled empty', r.label); c.colSpan = Math.max(1, t.lanes.length); tr.appendChild(c); }
      else t.lanes.forEach(function (_, k) { tr.appendChild(el('td', k === r.lane ? 'cell-filled' : '', k === r.lane ? (r.failed ? '✗ ' : '') + r.label : '')); });
      tr.appendChild(el('td', 'changes', r.failed ? 'failed: ' + r.failed : r.changes.join('; ')));
      tr.addEventListener('click', function () { select(i); });
      body.appendChild(tr);
      return tr;
    });
    box.appendChild(lanes);
    if (t.loop) {
      rows[t.loop.row].classList.add('loop-start');
      rows[t.loop.row].querySelector('.num').textContent = '↻ ' + t.loop.row;
      box.appendChild(el('p', 'loop', t.loop.text));
    }
    var vars = el('table', 'vars'), vh = el('tr');
    vh.append(el('th', '', 'variable'), el('th', '', 'value'));
    vars.appendChild(el('thead')).appendChild(vh);
    var vbody = vars.appendChild(el('tbody'));
    box.appendChild(vars);
    function select(i) {
      i = Math.max(0, Math.min(t.rows.length - 1, i));
      slider.value = i;
      rows.forEach(function (tr, k) { tr.classList.toggle('current', k === i); });
      var r = t.rows[i];
      pos.textContent = 'step ' + r.num + ' of ' + t.rows[t.rows.length - 1].num;
      vbody.textContent = '';
      r.vars.forEach(function (kv) {
        var tr = el('tr', r.changed.indexOf(kv[0]) >= 0 ? 'changed' : ''); tr.dataset.key = kv[0];
        tr.append(el('td', 'key', kv[0]), el('td', 'value', kv[1]));
        vbody.appendChild(tr);
      });
    }
    slider.addEventListener('input', function () { select(Number(slider.value)); });
    prev.addEventListener('click', function () { select(Number(slider.value) - 1); });
    next.addEventListener('click', function () { select(Number(slider.value) + 1); });
    box.tabIndex = 0;
    box.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowLeft') select(Number(slider.value) - 1);
      if (e.key === 'ArrowRight') select(Number(slider.value) + 1);
    });
    select(t.rows.length - 1);
  }
  var main = document.querySelector('main');
  data.panes.forEach(function (p) {
    var pane = el('section', 'pane'); pane.dataset.name = p.name;
    pane.appendChild(el('h2', '', p.name));
    var list = el('ul', 'verdicts');
    p.verdicts.forEach(function (v) { var li = el('li', v.status); li.append(el('b', '', v.name), document.createTextNode('  ' + v.text)); list.appendChild(li); });
    pane.appendChild(list);
    var box = el('div', 'trace');
    if (p.traces.length === 0) pane.appendChild(el('p', 'empty', 'No trace to show: nothing was violated.'));
    else {
      var pick = el('select', 'trace-select');
      p.traces.forEach(function (t, i) { var o = el('option', '', t.title); o.value = i; pick.appendChild(o); });
      pick.addEventListener('change', function () { showTrace(box, p.traces[Number(pick.value)]); });
      var label = el('label', '', 'Trace '); label.appendChild(pick);
      pane.appendChild(label);
      showTrace(box, p.traces[0]);
    }
    pane.appendChild(box);
    main.appendChild(pane);
  });
})();
`;

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function htmlPage(view: PageView): string {
  // `<` escaped so that no string in the data can close the script element
  const json = JSON.stringify(view).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${escapeHtml(view.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${escapeHtml(view.title)}</h1><pre>${escapeHtml(view.summary.join('\n'))}</pre></header>
<main></main>
<script type="application/json" id="klpc-data">${json}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
