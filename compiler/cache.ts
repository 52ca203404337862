// The compile cache: compiled explorers (JS) that `klpc check` imports, so it must never run a
// file another user could have written. Per user ($KLPC_CACHE_DIR, else $XDG_CACHE_HOME/klpc,
// else ~/.cache/klpc), created 0700; a directory (or an ancestor) that another user owns or may
// write is refused. An entry starts with the SHA-256 of its JS, which is recomputed from the bytes
// read, and the caller imports those same bytes, so a torn, truncated or swapped file is never
// run: it is regenerated. In: an environment and entry names. Out: verified JS, or why not.

import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { errnoReason, makeDirs } from '../lang/files.js';

// Where the directory came from: the variable that named it (for the diagnostic's excerpt).
export interface CacheLocation {
  readonly dir: string;
  readonly variable: string;
  readonly value: string;
}

export function cacheLocation(env: NodeJS.ProcessEnv): CacheLocation {
  const own = env['KLPC_CACHE_DIR'];
  if (own !== undefined && own !== '') return { dir: path.resolve(own), variable: 'KLPC_CACHE_DIR', value: own };
  // the XDG base directory spec: a relative XDG_CACHE_HOME is invalid and ignored
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg !== undefined && path.isAbsolute(xdg)) return { dir: path.join(xdg, 'klpc'), variable: 'XDG_CACHE_HOME', value: xdg };
  const home = env['HOME'] || homedir();
  return { dir: path.join(home, '.cache', 'klpc'), variable: 'HOME', value: home };
}

// Creates the directory if needed; the reason it may not be used otherwise.
export function prepareCacheDir(dir: string): string | undefined {
  try {
    makeDirs(dir, 0o700);
    const real = fs.realpathSync(dir);
    const st = fs.statSync(real);
    if (!st.isDirectory()) return 'it is not a directory';
    const own = ownershipProblem(st, 'it');
    if (own !== undefined) return own;
    for (let d = path.dirname(real); ; d = path.dirname(d)) {
      const problem = ancestorProblem(fs.statSync(d), d);
      if (problem !== undefined) return problem;
      if (path.dirname(d) === d) return undefined;
    }
  } catch (e) {
    return errnoReason(e);
  }
}

const uid = process.getuid?.();

function ownershipProblem(st: fs.Stats, what: string): string | undefined {
  if (uid === undefined) return undefined; // no POSIX owners (Windows)
  if (st.uid !== uid) return `${what} belongs to another user (uid ${st.uid})`;
  if ((st.mode & 0o022) !== 0) return `${what} is writable by ${st.mode & 0o002 ? 'every user' : 'its group'} (mode ${(st.mode & 0o777).toString(8)})`;
  return undefined;
}

// Whoever may rename entries of an ancestor could swap the cache directory for their own: the
// ancestor must be the user's or root's, and writable by others only with the sticky bit (/tmp).
function ancestorProblem(st: fs.Stats, dir: string): string | undefined {
  if (uid === undefined) return undefined;
  if (st.uid !== uid && st.uid !== 0) return `its parent ${dir} belongs to another user (uid ${st.uid})`;
  if ((st.mode & 0o022) !== 0 && (st.mode & 0o1000) === 0) return `its parent ${dir} is writable by other users without the sticky bit`;
  return undefined;
}

const HEADER = '// klpc cache entry, sha256 of the JS below: ';

// The JS of a valid entry, or undefined when there is none or it does not verify (a symbolic
// link, a file another user owns or may write, a hash that does not match its content).
export function readEntry(dir: string, name: string): string | undefined {
  let fd: number;
  try {
    fd = fs.openSync(path.join(dir, name), fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile() || ownershipProblem(st, 'the entry') !== undefined) return undefined;
    const text = fs.readFileSync(fd, 'utf8');
    const eol = text.indexOf('\n');
    if (eol < 0 || !text.startsWith(HEADER)) return undefined;
    const js = text.slice(eol + 1);
    return text.slice(HEADER.length, eol) === sha256(js) ? js : undefined;
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

// Writes an entry atomically (a concurrent run reads the old entry or the new one, never half
// of one); false when it cannot be written, which only costs the next run a regeneration.
export function writeEntry(dir: string, name: string, js: string): boolean {
  const tmp = path.join(dir, `.${name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(tmp, `${HEADER}${sha256(js)}\n${js}`, { mode: 0o600, flag: 'wx' });
    fs.renameSync(tmp, path.join(dir, name));
    return true;
  } catch {
    fs.rmSync(tmp, { force: true });
    return false;
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
