// File-system helpers for output files: errors in the words of KLP5001/KLP6004 ("Cannot read
// 'x': no such file or directory."), and directory creation.

import fs from 'node:fs';
import path from 'node:path';

const reasons: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
};

export function errnoReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === undefined ? String(e) : (reasons[code] ?? code);
}

// `mkdir -p`, one level at a time: Node 20's `mkdirSync(dir, { recursive: true })` loops forever
// where mkdir fails with ENOENT under an existing parent (`-o /proc/x`). Throws like mkdirSync.
export function makeDirs(dir: string): void {
  const missing: string[] = [];
  for (let d = path.resolve(dir); !fs.existsSync(d); d = path.dirname(d)) missing.unshift(d);
  for (const d of missing) fs.mkdirSync(d);
}
