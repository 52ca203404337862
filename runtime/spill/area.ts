// Where one `--spill` search keeps its files: a fresh private directory (mode 0700, a random
// name) inside the directory the user named, removed with everything in it when the search
// ends, whatever way it ends.

import fs from 'node:fs';
import path from 'node:path';

export class SpillArea {
  readonly dir: string;
  private removed = false;

  constructor(parent: string) {
    fs.mkdirSync(parent, { recursive: true, mode: 0o700 });
    this.dir = fs.mkdtempSync(path.join(parent, 'klpc-spill-'));
  }

  file(name: string): string {
    return path.join(this.dir, name);
  }

  remove(): void {
    if (this.removed) return;
    this.removed = true;
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
