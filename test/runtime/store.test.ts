// The state store across chunk boundaries: states, parents and steps read back as written.

import { strict as assert } from 'node:assert';
import { StateStore } from '../../runtime/store.js';

describe('runtime/store', () => {
  it('keeps 200k three-word states with their parent and step', () => {
    const store = new StateStore(3);
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      for (let w = 0; w < 3; w++) store.tail[store.tailOff + w] = i * 3 + w;
      assert.equal(store.commit(i - 1, i % 65535), i);
    }
    assert.equal(store.count, n);
    for (let i = 0; i < n; i += 997) {
      const chunk = store.chunk(i);
      const off = store.offset(i);
      assert.deepEqual(Array.from(chunk.subarray(off, off + 3)), [i * 3, i * 3 + 1, i * 3 + 2]);
      assert.equal(store.parent(i), i - 1);
      assert.equal(store.step(i), i % 65535);
    }
  });

  it('a state packed at the tail but not committed is overwritten by the next one', () => {
    const store = new StateStore(1);
    store.tail[store.tailOff] = 41;
    store.tail[store.tailOff] = 42;
    store.commit(-1, 0);
    assert.equal(store.chunk(0)[store.offset(0)], 42);
    assert.equal(store.count, 1);
  });
});
