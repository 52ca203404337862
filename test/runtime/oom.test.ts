// A search that runs out of memory must end as an incomplete result, never a crash, and must
// never claim that a property holds.

import assert from 'node:assert/strict';
import { explore } from '../../runtime/explore.js';
import type { Sink } from '../../runtime/model.js';
import { Counters } from './models.js';

// Counters whose successor generation fails like a typed-array allocation does once the
// search holds `room` states (the store and table allocate inside emit()).
class OutOfRoom extends Counters {
  private seen = 0;
  constructor(private readonly room: number) {
    super(50);
  }
  override successors(cur: Int32Array, next: Int32Array, sink: Sink): void {
    if (++this.seen > this.room) throw new RangeError('Array buffer allocation failed');
    super.successors(cur, next, sink);
  }
}

describe('runtime/explore out of memory', () => {
  it('ends incomplete, with unknown verdicts, when an allocation fails', () => {
    const r = explore(new OutOfRoom(100), { deadlock: true });
    assert.equal(r.complete, false);
    assert.match(r.incompleteReason ?? '', /^out of memory after [\d,]+ distinct states: an allocation failed$/);
    assert.ok(r.properties.every((p) => p.verdict !== 'holds'), JSON.stringify(r.properties));
    assert.ok(r.stats.distinct > 100);
  });

  it('does not swallow other errors', () => {
    class Broken extends Counters {
      override successors(): void {
        throw new TypeError('a bug');
      }
    }
    assert.throws(() => explore(new Broken(3), { deadlock: true }), /a bug/);
  });
});
