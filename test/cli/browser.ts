// The headless Chromium the browser tests drive: the build @sparticuz/chromium ships inside its
// npm package. That package unpacks into os.tmpdir() and runs whatever `chromium` it finds
// there already, so with the default TMPDIR any user could plant the browser our tests run.
// It is unpacked instead into a directory of this checkout's own, vetted like the compile cache.

import path from 'node:path';
import chromium from '@sparticuz/chromium';
import puppeteer, { type Browser } from 'puppeteer-core';
import { prepareCacheDir } from '../../compiler/cache.js';
import { repoRoot } from '../golden.js';

// The network is closed here: nothing may try it.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const chromiumDir = path.join(repoRoot, 'node_modules', '.cache', 'klpc-chromium');

export async function launchBrowser(profileDir: string): Promise<Browser> {
  const problem = prepareCacheDir(chromiumDir);
  if (problem !== undefined) throw new Error(`cannot use ${chromiumDir} for the test browser: ${problem}`);
  const saved = process.env['TMPDIR'];
  process.env['TMPDIR'] = chromiumDir;
  try {
    return await puppeteer.launch({ executablePath: await chromium.executablePath(), headless: true, args: [...FLAGS, `--user-data-dir=${profileDir}`] });
  } finally {
    if (saved === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = saved;
  }
}
