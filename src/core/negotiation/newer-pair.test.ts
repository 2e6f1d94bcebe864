import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../analyze.ts';

// a real initiator's whole negotiation, then `clear crypto sa` and a show crypto ipsec sa of a newer SA pair
const notes = readFileSync(new URL('../../../fixtures/partial/mm-qm-initiator-ios12-notion-quote-list-ping-split-timestamp-zh-notes.log', import.meta.url), 'utf8');
const cut = (text: string, from: string, to?: string): string => {
  const a = text.indexOf(from);
  const b = to === undefined ? text.length : text.indexOf(to);
  expect(a).toBeGreaterThanOrEqual(0);
  expect(b).toBeGreaterThan(a);
  return text.slice(a, b);
};
const debug = cut(notes, '> R2#debug crypto isakmp', '> R2#clear crypto isakmp');
const show = cut(notes, '> R2#show crypto ipsec sa');

describe('show output of a peer the debug lines negotiated with', () => {
  test('in a file of its own, an SA pair no debug line created is still a negotiation of its own, after the debug one', () => {
    const a = analyze([
      { name: 'debug', text: debug },
      { name: 'show', text: show },
    ]);
    expect(a.negotiations.map((n) => [n.peer, n.role, n.phase2.map((p) => p.spis)])).toEqual([
      ['13.1.1.3', 'initiator', [{ inbound: '0x5E39E570', outbound: '0xE06FF44' }]],
      ['13.1.1.3', 'unknown', [{ inbound: '0xECCDDAEC', outbound: '0x5C587C54' }]],
    ]);
    const shown = a.negotiations[1]!;
    expect(shown.span.first.file).toBe(1);
    expect(shown.phase2[0]!.verification).toMatchObject({ packetsOut: 3, packetsIn: 3, up: true });
    expect(a.negotiations[0]!.phase2[0]!.verification).toBeNull();
  });

  test('a Quick Mode cut before its SAs were created may have made the SAs listed: they are not told as another pair', () => {
    // the same excerpt cut after QM2 was read (no `Creating IPSec SAs` line), its show output pasted after it
    const a = analyze([{ name: 'cut', text: cut(notes, '> R2#debug crypto isakmp', '> - Mar 1 00:55:42.443: ISAKMP (0:2): Creating IPSec SAs') + show }]);
    expect(a.negotiations).toHaveLength(1);
    expect(a.negotiations[0]).toMatchObject({ role: 'initiator', peer: '13.1.1.3' });
  });

  test('pasted before the debug lines, the pair listed is not the one the Main Mode after it begins', () => {
    // the excerpt's show output moved before its debug lines (as when the output was taken, then the SAs cleared)
    const a = analyze([{ name: 'show first', text: `${show}\n${debug}` }]);
    expect(a.negotiations.map((n) => [n.role, n.phase1.messages.length, n.phase2.map((p) => p.spis)])).toEqual([
      ['unknown', 0, [{ inbound: '0xECCDDAEC', outbound: '0x5C587C54' }]],
      ['initiator', 6, [{ inbound: '0x5E39E570', outbound: '0xE06FF44' }]],
    ]);
  });

  test('a session of show crypto session detail is decided the same way, by its outbound SPI', () => {
    // hand-written: the real session of fixtures/partial/dmvpn-detail-crypto-session-active-inactive-ikev1-sa-blog.log
    // with the excerpt's addresses and SPIs (no real paste holds both a debug log and this output of one peer)
    const session = (spi: string): string =>
      [
        'R2#show crypto session detail',
        'Interface: Ethernet0/0',
        'Session status: UP-ACTIVE',
        '  IKEv1 SA: local 12.1.1.2/500 remote 13.1.1.3/500 Active',
        '          Capabilities:(none) connid:1004 lifetime:23:59:39',
        '  IPSEC FLOW: permit ip 2.2.2.0/255.255.255.0 3.3.3.0/255.255.255.0',
        '        Active SAs: 2, origin: crypto map',
        `   Outbound SPI : ${spi}, transform : esp-des esp-sha-hmac`,
      ].join('\n');
    // the outbound SA the debug lines created: that negotiation's
    const same = analyze([{ name: 'same', text: `${debug}\n${session('0x0E06FF44')}` }]);
    expect(same.negotiations).toHaveLength(1);
    // another: a pair of its own
    const other = analyze([{ name: 'other', text: `${debug}\n${session('0x47C7658D')}` }]);
    expect(other.negotiations.map((n) => [n.role, n.phase1.outcome, n.phase2.map((p) => [p.outcome, [...new Set(p.sas.map((s) => s.spi))]])])).toEqual([
      ['initiator', 'complete', [['complete', ['0x5E39E570', '0xE06FF44']]]],
      ['unknown', 'complete', [['complete', ['0x47C7658D']]]],
    ]);
  });
});
