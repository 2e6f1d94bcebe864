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

const fixture = (name: string): string[] =>
  readFileSync(new URL(`../../../fixtures/collector/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.length > 0 && !l.startsWith('#'));
const SYSTEM_MESSAGE = /^%[A-Z][A-Z0-9_]*(?:-[A-Z0-9_]+)?-\d-[A-Z0-9_]+: /;
const HOUR = 3600 * 1000;
const MINUTE = 60 * 1000;

describe('the sender’s name inside the router’s line', () => {
  test('IOS’s origin-id and NX-OS’s name before the stamp, the ASA’s ` : `, a relay’s count (napalm-logs, Parse-Syslog-Line, elastic)', () => {
    const lines = [...fixture('napalm-logs-ios-nxos-origin-id-samples.log'), ...fixture('parse-syslog-line-cisco-samples.log'), ...fixture('elastic-cisco-ios-relayed-origin-id-sample.log')];
    for (const line of lines) {
      const lexed = lexLine(line);
      expect(lexed.body, line).toMatch(SYSTEM_MESSAGE);
      expect(lexed.stamped, line).toBe(true);
      expect(lexed.source, line).not.toBeNull();
    }
    const at = (start: string) => lexLine(lines.find((l) => l.startsWith(start)) ?? '');
    // the router's name and its own time (a zone of four letters, `MEST`)
    expect(at('<189>1179: ')).toMatchObject({ source: 'NetAuto_CSRv-03', time: 15 * HOUR + 25 * MINUTE + 53743 });
    expect(at('<189>30: ')).toMatchObject({ source: 'test-ztp', time: 13 * HOUR + 56 * MINUTE + 15055 });
    // NX-OS: the year first, the name before the stamp or after it without a colon
    expect(at('<190>sw01.pdx01: ')).toMatchObject({ source: 'sw01.pdx01', time: 14 * HOUR + 42 * MINUTE + 46000 });
    expect(at('<190>2018 Apr 20 ')).toMatchObject({ source: 'nexus-switch', time: 13 * HOUR + 15 * MINUTE + 7000 });
    // relayed with the server's ISO time, then ` : ` and the switch's own stamp, whose time is kept
    expect(at('2013-08-09T11:09:36+02:00')).toMatchObject({ source: 'hostname.company.tld', time: 11 * HOUR + 9 * MINUTE + 36290 });
    expect(at('<161>Jun 7')).toMatchObject({ source: 'hostname', body: expect.stringMatching(/^%ASA-3-313001: Denied ICMP/) });
    // a relay's count before the name, the router's sequence number after it
    expect(at('<174>15162564: ')).toMatchObject({ source: 'BGP-BETA', time: 16 * HOUR + 44 * MINUTE + 58802 });
  });

  test('after the stamp: the name before the message (syslog-ng), or an empty field (an IOS-XE SD-WAN router, TAC 221607)', () => {
    const [received] = fixture('syslog-ng-msgparse-inv-spi-host-after-stamp.log');
    expect(lexLine(received!)).toMatchObject({ source: 'mydevice.com', stamped: true, time: 3 * HOUR + 10 * MINUTE + 4000, body: expect.stringMatching(/^%CRYPTO-4-RECVD_PKT_INV_SPI: decaps: /) });
    const sdwan = readFileSync(new URL('../../../fixtures/partial/recvd-pkt-inv-spi-empty-field-after-stamp-sd-wan-tac.log', import.meta.url), 'utf8').split('\n')[2]!;
    expect(lexLine(sdwan)).toMatchObject({ source: null, time: 15 * HOUR + 23723, body: expect.stringMatching(/^%CRYPTO-4-RECVD_PKT_INV_SPI: decaps: /) });
    // a debug line's first word is no sender's name (hand-written from the corpus's line forms, to show what stays)
    for (const body of ['ISAKMP: (0):Old State = IKE_READY  New State = IKE_R_MM1', 'ISAKMP (0:1): processing SA payload. message ID = 0', 'ISAKMP: Looking for a matching key for 10.0.0.2 in default', 'IPSEC(validate_proposal_request): proposal part #1']) {
      expect(lexLine(`*Mar  1 00:01:02.345: ${body}`).body).toBe(body);
      expect(lexLine(`<189>12: ${body}`).body).toBe(body);
      expect(lexLine(body)).toMatchObject({ body, source: null });
    }
  });
});

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
