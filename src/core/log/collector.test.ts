/**
 * Lines a syslog collector stored (or a terminal logged with its own time stamps): the prefix is set aside, the
 * sender kept, the router's own text read. The real lines are ossec's Cisco IOS samples
 * (fixtures/collector/ossec-cisco-ios-samples.log); the IKE lines below are hand-written in the collectors' and
 * terminals' formats, because no stored file of crypto debug output in them was found: they are the corpus's own
 * IOS lines with the prefix each writes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../analyze.ts';
import { lexLine } from './lex.ts';

const samples = readFileSync(new URL('../../../fixtures/collector/ossec-cisco-ios-samples.log', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.length > 0 && !l.startsWith('#'));

describe('a syslog collector’s lines', () => {
  test('every stored line keeps the router’s text and names its sender', () => {
    for (const line of samples) {
      const lexed = lexLine(line);
      expect(lexed.body, line).toMatch(/^(?:%[A-Z]+-\d-[A-Z_]+: |SSH2 0: )/);
      expect(lexed.stamped, line).toBe(true);
    }
    const at = (start: string) => lexLine(samples.find((l) => l.startsWith(start)) ?? '');
    // the router's own time when it printed one, the collector's otherwise; the sender as the collector names it
    expect(at('Sep  6 09:13:00 RouterName 82:')).toMatchObject({ source: 'RouterName', time: (14 * 3600 + 12 * 60 + 56) * 1000 + 872 });
    expect(at('Sep  6 09:25:12 RouterName 89:')).toMatchObject({ source: 'RouterName', time: (9 * 3600 + 25 * 60 + 12) * 1000 });
    expect(at('Jul 10 16:07:14 cisco2621 636:')).toMatchObject({ source: 'cisco2621', time: (15 * 3600 + 58 * 60 + 56) * 1000 + 590 });
    expect(at('Jun 12 14:22:25 site1 1348:')).toMatchObject({ source: 'site1', time: (18 * 3600 + 22 * 60 + 22) * 1000 });
    // the router's own lines, without a collector: no sender; a time zone as typed (`pst`)
    expect(at('123: May  3 05:15:25.217 UTC:')).toMatchObject({ source: null, time: (5 * 3600 + 15 * 60 + 25) * 1000 + 217 });
    expect(at('4872: Dec 11 08:02:53.887 pst:')).toMatchObject({ source: null, body: expect.stringMatching(/^%SEC-6-IPACCESSLOGP/) });
  });

  test('each collector format (hand-written, see above)', () => {
    const body = 'ISAKMP:(0):Old State = IKE_READY  New State = IKE_R_MM1';
    for (const [prefix, source] of [
      ['Jan 10 14:22:01 10.1.1.1 4521: *Jan 10 14:22:00.123: ', '10.1.1.1'],
      ['2024-01-10T14:22:01.000Z vpn-hub 4521: Jan 10 14:22:00.123 UTC: ', 'vpn-hub'],
      ['2024-01-10 14:22:01\tLocal7.Debug\t10.1.1.1\t4521: Jan 10 14:22:00.123: ', '10.1.1.1'],
      ['<191>4521: *Jan 10 14:22:00.123: ', null],
      ['<191>Jan 10 14:22:01 hub1 4521: ', 'hub1'],
    ] as const) {
      expect(lexLine(prefix + body), prefix).toMatchObject({ body, source, stamped: true });
    }
    // a terminal's stamp before each line it logs (SecureCRT, MobaXterm) or a tool's ISO time, no sender named
    for (const prefix of ['[01/10/2024 14:22:01] *Jan 10 14:22:00.123: ', '[Wed Jan 10 14:22:01.123 2024] *Jan 10 14:22:00.123: ', '[2024-01-10 14:22:01] ', '2024-01-10 14:22:01.123 *Jan 10 14:22:00.123: ']) {
      expect(lexLine(prefix + body), prefix).toMatchObject({ body, source: null, stamped: true });
    }
    // a bracketed note or number before prose is no stamp
    expect(lexLine('[1] see the line below').body).toBe('[1] see the line below');
    // prose that starts like a collector's stamp is not one: no sender, the text kept
    expect(lexLine('Jan 10 14:22:01 the tunnel went down again').source).toBeNull();
    expect(lexLine('2024-01-10 14:22:01 we cleared the SA').source).toBeNull();
  });

  test("a collector's file of two routers is two routers' logs (hand-written from corpus 01's lines, see above)", () => {
    const lines = [
      'Jan 10 14:22:01 hub1 4521: Jan 10 14:22:00.123 UTC: ISAKMP:(0): received packet from 10.0.0.2 dport 500 sport 500 Global (N) NEW SA',
      'Jan 10 14:22:01 spoke2 811: Jan 10 14:22:00.100 UTC: ISAKMP:(0): sending packet to 10.0.0.1 my_port 500 peer_port 500 (I) MM_NO_STATE',
      'Jan 10 14:22:01 hub1 4522: Jan 10 14:22:00.125 UTC: ISAKMP:(0):Old State = IKE_READY  New State = IKE_R_MM1',
      'Jan 10 14:22:01 hub1 4523: Jan 10 14:22:00.127 UTC: ISAKMP:(0): sending packet to 10.0.0.2 my_port 500 peer_port 500 (R) MM_SA_SETUP',
      'Jan 10 14:22:01 spoke2 812: Jan 10 14:22:00.140 UTC: ISAKMP:(0): received packet from 10.0.0.1 dport 500 sport 500 Global (I) MM_NO_STATE',
    ];
    const a = analyze([{ name: 'collector.log', text: lines.join('\n') }]);
    expect(a.input.unrecognized).toEqual([]);
    const sides = a.negotiations.map((n) => [n.local, n.peer, n.role]);
    expect(sides).toContainEqual(['hub1', '10.0.0.2', 'responder']);
    expect(sides).toContainEqual(['spoke2', '10.0.0.1', 'initiator']);
  });
});
