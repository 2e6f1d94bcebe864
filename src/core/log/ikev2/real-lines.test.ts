/**
 * IKEv2 lines published outside the corpus (fixtures/ikev2/real-lines.txt, each under its `# source:`): the
 * IOS-XE 17 facilities with a year and zone in the time, the error facility's double colon, the 15.x packet
 * decode (its payload lines as Cisco's page prints them), the ASA's syslog time without a colon, the FTD's syslog wrapping, the CAIDA failure lines.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readLog } from '../read-log.ts';
import type { Ikev2Line } from './line.ts';

const text = readFileSync('fixtures/ikev2/real-lines.txt', 'utf8');
const lines = text.split('\n');
const log = readLog(text);

function read(begins: string): { line: Ikev2Line; time: number | null; words: string } {
  const i = lines.findIndex((l) => l.includes(begins) && !l.startsWith('#'));
  if (i < 0) throw new Error(`no line ${begins}`);
  const record = log.lineRecords[i]!;
  const e = log.events.find((x) => x.record === record);
  if (e?.type !== 'ikev2') throw new Error(`line ${i + 1} is not read as IKEv2`);
  return { line: e.line, time: e.time, words: log.records.annotations[log.records.annotation[record]!] ?? '' };
}

const CASES: { begins: string; expect: Partial<Ikev2Line> & { kind: Ikev2Line['kind'] }; time?: boolean }[] = [
  { begins: 'Nov 30 2024 11:16:54.881 UTC: IKEv2-INTERNAL', expect: { kind: 'sm', role: 'I', messageId: 1, state: 'I_WAIT_AUTH', event: 'EV_NO_EVENT' }, time: true },
  { begins: 'IKEv2-INTERNAL:(SESSION ID = 444548,SA ID = 4):Host is located NAT inside', expect: { kind: 'nat', found: true } },
  { begins: 'IKEv2-ERROR:(SESSION ID = 71,SA ID = 1):: Auth exchange failed', expect: { kind: 'error', code: 'auth-exchange-failed' } },
  { begins: 'Next payload: SA, version: 2.0 Exchange type: IKE_SA_INIT', expect: { kind: 'decode', exchange: 'IKE_SA_INIT', flags: ['INITIATOR'], messageId: 0 }, time: true },
  { begins: 'SA is already in negotiation', expect: { kind: 'error', code: 'in-negotiation' } },
  { begins: 'Jul 25 22:35:53 IKEv2-PLAT-5: RECV PKT', expect: { kind: 'packet-summary', dir: 'in', exchange: 'CREATE_CHILD_SA', messageId: 8, spis: { initiator: '48A0D49E589D838C', responder: '9A973412D4DFC9DF' } }, time: true },
  { begins: 'Sending INVALID_SPI notify', expect: { kind: 'notify', dir: 'out', notify: 'INVALID_SPI' } },
  { begins: '%FTD-5-711001: IKEv2-PLAT-4', expect: { kind: 'pfkey', spi: '0x1E3EFDFE', error: false } },
  { begins: 'Maximum number of retransmissions reached', expect: { kind: 'error', code: 'retransmit-limit' } },
  { begins: 'Failed to receive the AUTH msg before the timer expired', expect: { kind: 'error', code: 'auth-timeout' } },
  { begins: 'NAT detected float to init port 4500', expect: { kind: 'nat', found: true } },
  { begins: 'Peer authentication method configured is mismatching', expect: { kind: 'error', code: 'auth-method-mismatch' } },
];

describe('IKEv2 lines beyond the corpus', () => {
  for (const c of CASES) {
    test(c.begins, () => {
      const r = read(c.begins);
      expect(r.line).toMatchObject(c.expect);
      expect(r.words.length).toBeGreaterThan(10);
      if (c.time) expect(r.time).not.toBeNull();
    });
  }
  test("the 15.x packet decode: its payload lines belong to its record, and name that packet's payloads, not a decrypted message's", () => {
    const first = lines.findIndex((l) => l.includes('Next payload: SA, version: 2.0'));
    const last = lines.findIndex((l) => l.startsWith('VID Next payload: NONE'));
    expect(last - first).toBe(6);
    const record = log.lineRecords[first]!;
    for (let i = first; i <= last; i += 1) expect(log.lineRecords[i], `line ${i + 1}`).toBe(record);
    const e = log.events.find((x) => x.record === record);
    expect(e?.type === 'ikev2' && e.decoded).toEqual([]);
  });
  test('no line of the file is left unread', () => {
    expect(log.unrecognized).toEqual([]);
    lines.forEach((l, i) => {
      if (l.length > 0 && !l.startsWith('#')) expect(log.kinds[i], `line ${i + 1}`).toMatch(/^(?:debug|continuation)$/);
    });
  });
});
