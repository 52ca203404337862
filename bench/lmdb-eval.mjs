// `npm install --no-save lmdb@3 && node bench/lmdb-eval.mjs DIR plain|lmdb`: how --spill's store
// was chosen (docs/benchmarks.md, "Beyond memory"). The store's workload, two ways: append
// CHUNKS chunks of BYTES (the BFS store filling: 16,384 states of 14 bytes, counter K=5's),
// read each back once in order (the BFS expanding it), then READS random chunks (trace walks).
// Plain: an append-only file, writeSync at its end, readSync (pread) into a reused buffer.
// LMDB (lmdb@3, the npm package): putSync(index, buffer), getBinary(index) into a reused buffer.
// DIR: an empty directory.
import fs from 'node:fs';
import { open } from 'lmdb';
const BYTES = 16384 * 14, CHUNKS = 2308, READS = 1000;
const dir = process.argv[2];
const chunk = Buffer.alloc(BYTES);
for (let i = 0; i < BYTES; i += 4) chunk.writeInt32LE((i * 2654435761) | 0, i);
const into = Buffer.alloc(BYTES);
const rnd = Array.from({ length: READS }, (_, i) => (i * 7919) % CHUNKS);
function time(name, f) { const t = performance.now(); f(); const s = (performance.now() - t) / 1000; console.log(`${name}: ${s.toFixed(2)} s, ${(BYTES * (name.includes('random') ? READS : CHUNKS) / s / 2 ** 20).toFixed(0)} MiB/s`); }
const mode = process.argv[3];
if (mode === 'plain') {
  const fd = fs.openSync(`${dir}/states`, 'wx+', 0o600);
  time('plain append', () => { for (let i = 0; i < CHUNKS; i++) { chunk.writeInt32LE(i, 0); fs.writeSync(fd, chunk, 0, BYTES, i * BYTES); } });
  time('plain sequential read', () => { for (let i = 0; i < CHUNKS; i++) { fs.readSync(fd, into, 0, BYTES, i * BYTES); if (into.readInt32LE(0) !== i) throw new Error('bad'); } });
  time('plain random read', () => { for (const i of rnd) fs.readSync(fd, into, 0, BYTES, i * BYTES); });
  fs.closeSync(fd);
} else {
  const db = open({ path: `${dir}/lmdb`, compression: false, noSync: true, keyEncoding: 'uint32', encoding: 'binary', mapSize: 2 * BYTES * CHUNKS });
  time('lmdb put', () => { for (let i = 0; i < CHUNKS; i++) { chunk.writeInt32LE(i, 0); db.putSync(i, chunk); } });
  time('lmdb sequential read', () => { for (let i = 0; i < CHUNKS; i++) { const b = db.getBinary(i); into.set(b); if (into.readInt32LE(0) !== i) throw new Error('bad'); } });
  time('lmdb random read', () => { for (const i of rnd) into.set(db.getBinary(i)); });
  db.close();
}
const rss = process.resourceUsage().maxRSS;
console.log(`max RSS ${(rss / 1024).toFixed(0)} MiB`);
