// The file system as klpc meets it: reading a spec (only a regular file, never blocking on a
// FIFO or a device, at most MAX_SPEC_BYTES, UTF-8 text without NUL bytes), creating directories,
// and errno codes in the words of KLP5001/KLP6004 ("Cannot read 'x': no such file or directory.").
// In: paths. Out: text or the reason there is none; nothing here throws for a bad path.

import fs from 'node:fs';
import path from 'node:path';

const reasons: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EIO: 'input/output error (it is not an ordinary file)',
  EAGAIN: 'it has no data to read (it is not an ordinary file)',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EINVAL: 'it cannot be read as a file',
};

export function errnoReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === undefined ? String(e) : (reasons[code] ?? code);
}

// A spec is a small text; anything larger is a mistake (or /proc/self/pagemap), not a spec.
export const MAX_SPEC_BYTES = 16 * 1024 * 1024;

export type TextRead = { readonly text: string } | { readonly reason: string };

// The file's text, without a leading UTF-8 byte order mark. Stats the path first, so that a
// FIFO or a device is never opened, then opens it non-blocking and checks the open file again,
// so that a file swapped for a FIFO in between cannot block either.
export function readTextFile(file: string): TextRead {
  let kind: string | undefined;
  try {
    kind = notRegular(fs.statSync(file));
  } catch (e) {
    return { reason: errnoReason(e) };
  }
  if (kind !== undefined) return { reason: `it is ${kind}, not a regular file` };
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY);
  } catch (e) {
    return { reason: errnoReason(e) };
  }
  try {
    kind = notRegular(fs.fstatSync(fd));
    if (kind !== undefined) return { reason: `it is ${kind}, not a regular file` };
    return decode(readBounded(fd));
  } catch (e) {
    return { reason: errnoReason(e) };
  } finally {
    fs.closeSync(fd);
  }
}

function notRegular(st: fs.Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

// Reads at most MAX_SPEC_BYTES + 1 bytes: /proc files report size 0 whatever they hold.
function readBounded(fd: number): Buffer | undefined {
  const buf = Buffer.alloc(Math.min(MAX_SPEC_BYTES + 1, Math.max(64 * 1024, fs.fstatSync(fd).size + 1)));
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const n = fs.readSync(fd, buf, 0, buf.length, null);
    if (n === 0) return Buffer.concat(chunks, total);
    chunks.push(Buffer.from(buf.subarray(0, n)));
    total += n;
    if (total > MAX_SPEC_BYTES) return undefined;
  }
}

function decode(bytes: Buffer | undefined): TextRead {
  if (bytes === undefined) return { reason: `it is larger than ${MAX_SPEC_BYTES / (1024 * 1024)} MiB: not a spec` };
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { reason: `it is binary (a NUL byte at offset ${nul}), not a spec` };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: stripBom(text) };
  } catch {
    return { reason: 'it is not UTF-8 text, so not a spec' };
  }
}

// Editors on Windows start UTF-8 files with U+FEFF; it is no part of the spec.
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// `mkdir -p`, one level at a time: Node 20's `mkdirSync(dir, { recursive: true })` loops forever
// where mkdir fails with ENOENT under an existing parent (`-o /proc/x`). Throws like mkdirSync.
// `mode` applies to the directories created (the umask may remove more).
export function makeDirs(dir: string, mode?: number): void {
  const missing: string[] = [];
  for (let d = path.resolve(dir); !fs.existsSync(d); d = path.dirname(d)) missing.unshift(d);
  for (const d of missing) fs.mkdirSync(d, mode === undefined ? undefined : { mode });
}
