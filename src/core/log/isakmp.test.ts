/**
 * Lines IOS prints that the simulated routers print too, read by isakmp.ts and ipsec.ts: each must give
 * its event, and never count as a line the analysis did not understand.
 */
import { describe, expect, test } from 'vitest';
import type { IkeEventBody } from './events.ts';
import { readLog } from './records.ts';

const cases: { name: string; text: string; event: Partial<IkeEventBody> & { type: IkeEventBody['type'] } }[] = [
  {
    name: 'DELETE of an ISAKMP SA, with its SPI size (IOS-XE)',
    text: '*Mar  1 10:00:00.028: ISAKMP: (1001):processing DELETE payload. message ID = 3261454305, spi size = 16',
    event: { type: 'payload', payload: 'DELETE', messageId: 3261454305 },
  },
  {
    name: 'DELETE with a signed message ID and no SPI size (corpus 08)',
    text: '> - Mar 1 00:55:41.667: ISAKMP (0:2): processing DELETE payload. message ID = -1323939639',
    event: { type: 'payload', payload: 'DELETE', messageId: 2971027657 },
  },
  {
    name: 'DELETE during Quick Mode (corpus 06)',
    text: 'ISAKMP: (1003):processing DELETE payload. message ID = 1319368483',
    event: { type: 'payload', payload: 'DELETE', messageId: 1319368483 },
  },
  {
    name: 'crypto map lookup without its IPSEC prefix: the proxies match no map',
    text: '*Mar  1 10:00:00.028: map_db_find_best did not find matching map',
    event: { type: 'ipsec-rejected', reason: 'map' },
  },
];

describe('lines IOS prints, read into events', () => {
  for (const c of cases) {
    test(c.name, () => {
      const log = readLog(c.text);
      expect(log.unrecognized).toEqual([]);
      expect(log.events).toHaveLength(1);
      expect(log.events[0]).toMatchObject(c.event);
    });
  }

  test('a DELETE payload line with something else after it is not taken for one', () => {
    const log = readLog('*Mar  1 10:00:00.028: ISAKMP: (1001):processing DELETE payload. message ID = 5, spi size = sixteen');
    expect(log.events).toEqual([]);
    expect(log.unrecognized).toEqual([{ file: 0, line: 1 }]);
  });
});
