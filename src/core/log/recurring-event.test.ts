import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readLog } from './read-log.ts';
import { recurringEvent } from './recurring-event.ts';

const corpus = new URL('../../../fixtures/corpus/', import.meta.url);
const events = readdirSync(corpus)
  .filter((name) => name.endsWith('.log'))
  .flatMap((name) => readLog(readFileSync(new URL(name, corpus), 'utf8')).events);

describe('the event of a recurring line', () => {
  test('is the cached event, field for field, in its new place, for every event of the corpus', () => {
    const types = new Set<string>();
    for (const e of events) {
      const { at: _at, record: _record, time: _time, conn: _conn, ...body } = e;
      const at = { file: 3, line: 77 };
      const copy = recurringEvent(body, at, 12, 5000, 1011);
      expect(copy).toStrictEqual({ ...body, at, record: 12, time: 5000, conn: 1011 });
      expect(copy).not.toBe(body);
      types.add(e.type);
    }
    // the types lines recur with most, each copied by its own case
    for (const t of ['fsm-state', 'fsm-input', 'payload', 'info', 'vendor', 'p1-attr', 'p2-attr', 'packet-sent']) expect(types).toContain(t);
  });
});
