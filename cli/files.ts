// File-system errors in the words of KLP5001/KLP6004 ("Cannot read 'x': no such file.").

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
