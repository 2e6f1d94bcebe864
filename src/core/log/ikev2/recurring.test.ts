import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { IkeEvent } from '../events.ts';
import { readLog } from '../read-log.ts';

const corpus = new URL('../../../../fixtures/corpus/', import.meta.url);
const logs = readdirSync(corpus)
  .filter((name) => name.endsWith('.log'))
  .map((name) => ({ name, text: readFileSync(new URL(name, corpus), 'utf8') }))
  .filter((l) => l.text.includes('IKEv2'));

/** An IKEv2 event without its place: what the line says. */
function said(e: IkeEvent): unknown {
  const { at: _at, record: _record, time: _time, ...rest } = e;
  return rest;
}

const ikev2 = (events: readonly IkeEvent[]) => events.filter((e) => e.type === 'ikev2');

describe('an IKEv2 message read before', () => {
  test('there are IKEv2 logs in the corpus', () => expect(logs.length).toBeGreaterThan(10));
  for (const { name, text } of logs) {
    test(`${name}: read again (its second copy), each line says what it said the first time`, () => {
      const once = readLog(text);
      const lines = once.kinds.length;
      // the log twice, a blank line between: every message of the second copy was read before
      const twice = readLog(`${text}\n\n${text}`);
      const first = ikev2(once.events).map(said);
      const second = ikev2(twice.events.filter((e) => e.at.line > lines + 1)).map(said);
      expect(first.length).toBeGreaterThan(0);
      expect(second).toStrictEqual(first);
      const annotation = (r: ReturnType<typeof readLog>, e: IkeEvent) => r.records.annotations[r.records.annotation[e.record] ?? -1];
      const words1 = ikev2(once.events).map((e) => annotation(once, e));
      const words2 = ikev2(twice.events.filter((e) => e.at.line > lines + 1)).map((e) => annotation(twice, e));
      expect(words2).toStrictEqual(words1);
    });
  }
});
