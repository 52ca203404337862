// The HTML trace viewer in a real headless Chromium (browser.ts: the one @sparticuz/chromium ships
// inside its npm package, driven by puppeteer-core; no browser is installed on the machine). Checked
// structurally, never by pixels: the DOM after moving the slider, the buttons and the arrow
// keys (lanes as columns, the current row, the highlighted variables equal to those whose value
// differs from the row before), that the page asks the network for nothing, that the two sides
// of a diff sit next to each other, and that a screenshot has the page's size and is not blank.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { check, type CheckFlags } from '../../cli/check.js';
import { diff, type DiffFlags } from '../../cli/diff.js';
import { nodePipeline } from '../../cli/pipeline.js';
import { repoRoot } from '../golden.js';
import { chromiumDir, launchBrowser } from './browser.js';
import { recordingIo } from './fake-pipeline.js';
import { fixturesDir } from './golden.js';

const checkDefaults: CheckFlags = { const: [], invariant: [], property: [], properties: false, deadlock: true, first: false, json: false, lanes: false, quiet: true };
const diffDefaults: DiffFlags = { const: [], view: [], deadlock: true, json: false, lanes: false, quiet: true };

describe('HTML trace viewer in headless Chromium', function () {
  this.timeout(120000);
  let tmp: string;
  let browser: Browser;
  const external: string[] = [];

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'klpc-html-'));
    browser = await launchBrowser(path.join(tmp, 'profile'));
  });
  after(async () => {
    await browser?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function open(file: string): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 800 });
    await page.setRequestInterception(true);
    page.on('request', (r) => {
      // the page's own file, and the screenshot the test itself loads as a data: URL
      if (r.url().startsWith('file:') || r.url().startsWith('data:')) void r.continue();
      else {
        external.push(r.url());
        void r.abort();
      }
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(file).href);
    assert.deepEqual(errors, []);
    return page;
  }

  async function checkHtml(spec: string, flags: Partial<CheckFlags> = {}): Promise<{ code: number; file: string }> {
    const file = path.join(tmp, `${path.basename(spec, '.klp')}.html`);
    const code = await check(spec, { ...checkDefaults, ...flags, html: file }, recordingIo(['check', spec, '--html', file]), await nodePipeline());
    return { code, file };
  }

  const texts = (page: Page, sel: string) => page.$$eval(sel, (els) => els.map((e) => e.textContent ?? ''));
  const current = (page: Page) => page.$eval('tr.step.current', (e) => Number((e as HTMLElement).dataset['step']));
  const vars = (page: Page) => page.$$eval('.vars tbody tr', (rows) => rows.map((r) => [(r as HTMLElement).dataset['key']!, r.querySelector('.value')!.textContent!, r.classList.contains('changed')] as const));

  it('runs the browser unpacked into the checkout, never one another user could plant in /tmp', () => {
    const exe = browser.process()?.spawnfile ?? '';
    assert.ok(exe.startsWith(chromiumDir + path.sep), exe);
  });

  it('check --html: lanes as columns, a step slider, the changed variables highlighted, the violated property', async () => {
    const { code, file } = await checkHtml(path.join(fixturesDir, 'lost-update.klp'));
    assert.equal(code, 12);
    const page = await open(file);
    assert.match((await texts(page, '.violation'))[0]!, /✗ NoLostUpdate is false in this state/);
    assert.deepEqual((await texts(page, '.verdicts li b')).sort(), ['NoLostUpdate', 'deadlock', 'spec errors']);
    const lanes = await texts(page, 'table.lanes th.lane');
    assert.deepEqual([...lanes].sort(), ['worker[1]', 'worker[2]']);
    assert.equal((await texts(page, 'tr.step')).length, 5, 'the initial state and 4 steps');
    assert.equal(await page.$eval('input.slider', (e) => (e as HTMLInputElement).max), '4');
    assert.equal(await current(page), 4, 'opens at the violating state');
    // each step's label sits in its own instance's column
    const cells = await page.$$eval('tr.step', (rows) => rows.slice(1).map((r) => [...r.querySelectorAll('td')].findIndex((td) => td.classList.contains('cell-filled'))));
    assert.ok(cells.every((c) => c === 1 || c === 2), String(cells));

    for (let step = 1; step <= 4; step++) {
      await page.$eval('input.slider', (e, v) => {
        (e as HTMLInputElement).value = String(v - 1);
        e.dispatchEvent(new Event('input'));
      }, step);
      const before = new Map((await vars(page)).map(([k, v]) => [k, v]));
      await page.focus('.trace');
      await page.keyboard.press('ArrowRight');
      assert.equal(await current(page), step);
      const now = await vars(page);
      const differing = now.filter(([k, v]) => before.get(k) !== v).map(([k]) => k);
      assert.ok(differing.length > 0);
      assert.deepEqual(now.filter(([, , changed]) => changed).map(([k]) => k), differing, `step ${step}`);
    }
    await page.click('button.prev');
    assert.equal(await current(page), 3);
    await page.click('tr.step[data-step="0"]');
    assert.equal(await current(page), 0);
    assert.deepEqual((await vars(page)).filter(([, , c]) => c), [], 'nothing is changed in the initial state');

    // a screenshot of the page's size, with ink where the lanes table is
    const shot = Buffer.from(await page.screenshot({ type: 'png' }));
    assert.deepEqual([shot.readUInt32BE(16), shot.readUInt32BE(20)], [1200, 800]);
    const box = (await (await page.$('table.lanes'))!.boundingBox())!;
    assert.ok(box.width > 200 && box.height > 50, JSON.stringify(box));
    // decoded in a blank page: the viewer's own Content-Security-Policy forbids data: images
    const blank = await browser.newPage();
    const inked = await blank.evaluate(async (png: string, b: { x: number; y: number; width: number; height: number }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const cx = canvas.getContext('2d')!;
      cx.drawImage(img, 0, 0);
      const px = cx.getImageData(Math.round(b.x), Math.round(b.y), Math.round(b.width), Math.round(Math.min(b.height, 800 - b.y))).data;
      let ink = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i]! + px[i + 1]! + px[i + 2]! < 600) ink++;
      return ink / (px.length / 4);
    }, shot.toString('base64'), box);
    await blank.close();
    assert.ok(inked > 0.01 && inked < 0.9, `ink ${inked}`);
    assert.deepEqual(external, [], 'no request left the page');
  });

  it('check --html on a failing step numbers and marks it; a spec that holds shows no trace', async () => {
    const page = await open((await checkHtml(path.join(fixturesDir, 'assert.klp'))).file);
    const last = await page.$eval('tr.step.current', (r) => [r.classList.contains('failed'), r.querySelector('.num')!.textContent, r.querySelector('.changes')!.textContent]);
    assert.deepEqual(last, [true, '3', 'failed: x counts more than one increment']);
    const holds = await open((await checkHtml(path.join(fixturesDir, 'counter.klp'))).file);
    assert.deepEqual(await texts(holds, '.empty'), ['No trace to show: nothing was violated.']);
    assert.deepEqual(external, []);
  });

  it('check --html on a temporal property marks where the cycle of the lasso starts and how it goes on', async () => {
    const { code, file } = await checkHtml(path.join(fixturesDir, 'handoff.klp'), { properties: true, property: ['Served'] });
    assert.equal(code, 13);
    const page = await open(file);
    const loop = (await texts(page, 'p.loop'))[0]!;
    const start = Number(/^↻ back to state (\d+), and around again forever$/.exec(loop)?.[1]);
    assert.ok(start >= 0, loop);
    const marked = await page.$$eval('tr.step', (rows) => rows.flatMap((r, i) => (r.classList.contains('loop-start') ? [[i, r.querySelector('.num')!.textContent]] : [])));
    assert.deepEqual(marked, [[start, `↻ ${start}`]]);
    assert.deepEqual(external, []);
  });

  it('diff --html: the two specs side by side, each with its traces', async () => {
    const file = path.join(tmp, 'diff.html');
    const [a, b] = ['prefix', 'postfix'].map((n) => path.join(repoRoot, 'specs/klp', `${n}.klp`));
    const code = await diff(a!, b!, { ...diffDefaults, html: file }, recordingIo(['diff', a!, b!, '--html', file]), await nodePipeline());
    assert.equal(code, 1);
    const page = await open(file);
    assert.deepEqual(await page.$$eval('.pane', (ps) => ps.map((p) => (p as HTMLElement).dataset['name'])), ['prefix', 'postfix']);
    const [left, right] = await Promise.all((await page.$$('.pane')).map(async (p) => (await p.boundingBox())!));
    assert.ok(left!.x + left!.width <= right!.x, 'left of each other');
    assert.ok(Math.abs(left!.y - right!.y) < 1, 'at the same height');
    const options = await page.$$eval('.pane', (ps) => ps.map((p) => [...p.querySelectorAll('select.trace-select option')].map((o) => o.textContent ?? '')));
    assert.ok(options[0]!.some((t) => t.startsWith('Invariant StackOrder is violated')), options[0]!.join(' | '));
    assert.ok(options[1]!.some((t) => t.startsWith('A behaviour of postfix that prefix cannot perform')), options[1]!.join(' | '));
    // choosing another trace in one pane leaves the other alone
    const rightTitle = await page.$eval('.pane:nth-child(2) .trace h3', (e) => e.textContent);
    await page.select('.pane:nth-child(1) select.trace-select', String(options[0]!.length - 1));
    assert.equal(await page.$eval('.pane:nth-child(1) .trace h3', (e) => e.textContent), options[0]!.at(-1));
    assert.equal(await page.$eval('.pane:nth-child(2) .trace h3', (e) => e.textContent), rightTitle);
    assert.match((await texts(page, 'header pre'))[0]!, /StackOrder\s+violated in prefix \(5 steps\), holds in postfix/);
    assert.deepEqual(external, []);
  });
});
