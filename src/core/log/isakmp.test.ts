/**
 * Lines IOS prints that the simulated routers print too, read by isakmp.ts and ipsec.ts: each must give
 * its event, and never count as a line the analysis did not understand.
 */
import { describe, expect, test } from 'vitest';
import type { IkeEventBody } from './events.ts';
import { readLog } from './read-log.ts';

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
    name: 'a resent Quick Mode packet seen again',
    text: '*Mar  1 10:00:10.032: ISAKMP: (1001):phase 2 packet is a duplicate of a previous packet.',
    event: { type: 'duplicate' },
  },
  {
    name: 'a resend answering a duplicate names its phase at the end',
    text: '*Mar  1 10:00:10.032: ISAKMP: (1001):retransmitting due to retransmit phase 2',
    event: { type: 'retransmit', phase: 2 },
  },
  {
    name: 'the timer resend names its phase first',
    text: '*Mar  1 10:00:10.016: ISAKMP: (1001):retransmitting phase 1 MM_KEY_EXCH...',
    event: { type: 'retransmit', phase: 1, state: 'MM_KEY_EXCH' },
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

/**
 * Hand-written: the wording of other IOS generations and features as IOS prints it (12.x refusals, XAUTH and
 * mode-config, certificates, the lines around a Quick Mode's start, a key not found); the search corpora gave no
 * real excerpt of these in time, so each line is marked here as written from IOS's wording, not copied.
 */
const generations: { text: string; event: Partial<IkeEventBody> & { type: IkeEventBody['type'] } }[] = [
  { text: '00:27:07: ISAKMP (0:1): phase 1 SA not acceptable!', event: { type: 'p1-rejected' } },
  { text: '00:27:07: ISAKMP (0:2): phase 2 SA not acceptable!', event: { type: 'p2-rejected' } },
  { text: '*Mar  1 00:00:01.000: ISAKMP (0:1): SA not acceptable!', event: { type: 'info' } },
  { text: '*Mar  1 00:00:01.000: ISAKMP (0:1): sitting IDLE. Starting QM immediately (QM_IDLE      )', event: { type: 'info' } },
  { text: '*Mar  1 00:00:01.000: ISAKMP:(1002):Need XAUTH', event: { type: 'info' } },
  { text: '*Mar  1 00:00:01.000: ISAKMP/xauth: request attribute XAUTH_USER_NAME_V2', event: { type: 'info' } },
  { text: '*Mar  1 00:00:01.000: ISAKMP: Config payload REQUEST', event: { type: 'info' } },
  { text: '*Mar  1 00:00:01.000: ISAKMP:    IP4_ADDRESS', event: { type: 'info' } },
  { text: '*Mar  1 00:00:01.000: ISAKMP:(1002):Talking to a Unity Client', event: { type: 'info' } },
  { text: '*Mar  1 00:00:01.000: ISAKMP: No cert, and no keys (public or pre-shared) with remote peer 10.1.1.2', event: { type: 'psk', found: false, peer: '10.1.1.2' } },
  { text: '*Mar  1 00:00:01.000: CRYPTO_PKI: Found a issuer match', event: { type: 'info' } },
  { text: '*Mar  1 00:00:01.000: ISAKMP (1004): processing CERT payload. message ID = 0', event: { type: 'payload', payload: 'CERT' } },
  { text: '*Mar  1 00:00:01.000: ISAKMP:(1004): processing SIG payload. message ID = 0', event: { type: 'payload', payload: 'SIG' } },
  { text: '*Mar  1 00:00:01.000: ISAKMP:(1004): processing a CT_X509_SIGNATURE cert', event: { type: 'info' } },
  { text: "*Mar  1 00:00:01.000: ISAKMP (1004): peer's pubkey isn't cached", event: { type: 'info' } },
];

describe('other IOS generations and features', () => {
  for (const c of generations) {
    test(c.text.replace(/^\S+ +\S+ \S+ /, ''), () => {
      const log = readLog(c.text);
      expect(log.unrecognized).toEqual([]);
      expect(log.events[0]).toMatchObject(c.event);
    });
  }
});
