/**
 * One stray error line is an event with its meaning, not a negotiation (DESIGN.md, "Partial pastes"): no mode,
 * role, outcome or finding is made of it, and it stays visible with its annotation.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analysisJson } from '../analysis-json.ts';
import { lineInfo } from '../line-info.ts';
import { analyze } from '../analyze.ts';
import { textReport } from '../report/text.ts';

const fixture = (path: string): string => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');
const lineOf = (text: string, n: number): string => text.split('\n')[n - 1] ?? '';

const corpus21 = fixture('corpus/21-psk-mismatch-ikmp-bad-message-single-line.log');
// the operator's commands, a ping and IPsec's sa_request, cut there: nothing of ISAKMP
const saRequest = fixture('partial/sa-request-ping-author-notes-zh-tw-l2l-series.log');
const notes = fixture('partial/mm-qm-initiator-ios12-notion-quote-list-ping-split-timestamp-zh-notes.log');
const cleared = fixture('partial/clear-keystrokes-inv-spi-responder-notes.log');
// line 15 of that excerpt, a real RECVD_PKT_INV_SPI line, pasted alone: the classic paste of the problem
const invalidSpi = lineOf(cleared, 15);

describe('stray error lines', () => {
  test('corpus 21: one IKMP_BAD_MESSAGE line is an event that says what it usually means', () => {
    const a = analyze([{ name: '21', text: corpus21 }]);
    expect(a.negotiations).toEqual([]);
    expect(a.events).toEqual([{ event: '%CRYPTO-4-IKMP_BAD_MESSAGE', peer: '192.1.20.2', lines: [{ file: 0, line: 7 }] }]);
    const info = lineInfo(a, { file: 0, line: 7 });
    expect(info.kind).toBe('debug');
    expect(info.annotation).toContain('pre-shared keys differ');
    expect(a.input.unrecognized).toEqual([]);
  });

  test('a RECVD_PKT_INV_SPI line alone: its causes and the command that heals it, no negotiation', () => {
    expect(invalidSpi).toContain('RECVD_PKT_INV_SPI');
    const a = analyze([{ name: 'inv-spi', text: invalidSpi }]);
    expect(a.negotiations).toEqual([]);
    const [e] = analysisJson(a).events ?? [];
    expect(e).toMatchObject({ event: '%CRYPTO-4-RECVD_PKT_INV_SPI', peer: '103.1.1.1', lines: [{ file: 0, line: 1 }] });
    for (const cause of ['clear', 'reboot', 'expired', 'failover', 'crypto isakmp invalid-spi-recovery']) expect(e?.meaning).toContain(cause);
  });

  test('the same line repeated is one event with a run of lines', () => {
    const a = analyze([{ name: 'inv-spi x3', text: [invalidSpi, invalidSpi, invalidSpi].join('\n') }]);
    expect(a.negotiations).toEqual([]);
    expect(analysisJson(a).events).toMatchObject([{ event: '%CRYPTO-4-RECVD_PKT_INV_SPI', lines: [{ file: 0, line: 1, to: 3 }] }]);
  });

  test('an error line followed by the negotiation it belongs to joins it: no stray event', () => {
    const a = analyze([{ name: 'cleared', text: cleared }]);
    expect(a.events).toEqual([]);
    expect(a.negotiations).toHaveLength(1);
    expect(a.negotiations[0]!.findings.map((f) => f.code)).toContain('INVALID_SPI');
    expect(analysisJson(a).events).toBeUndefined();
  });

  test('an sa_request alone: IPsec asked for SAs to that peer with those proxies, and no IKE line follows', () => {
    const a = analyze([{ name: 'sa-request', text: saRequest }]);
    expect(a.negotiations).toEqual([]);
    expect(a.events).toMatchObject([{ event: 'IPSEC(sa_request)', peer: '202.100.1.2', lines: [{ file: 0, line: 11 }] }]);
    const text = textReport(a, false, [saRequest]);
    expect(text).toContain('Lines outside any negotiation:');
    expect(text).toContain('IPSEC(sa_request) (peer 202.100.1.2), line 11: IPsec asks for SAs to 202.100.1.2: proxies 1.1.1.1/255.255.255.255/0/0 ↔ 2.2.2.2/255.255.255.255/0/0. No IKE line follows in the paste');
  });

  test('an sa_request that ISAKMP lines follow starts the negotiation they tell: no stray event', () => {
    const a = analyze([{ name: 'notes', text: notes }]);
    expect(a.events).toEqual([]);
    const request = notes.split('\n').findIndex((l) => l.includes('IPSEC(sa_request)')) + 1;
    expect(a.negotiations[0]!.span.first).toEqual({ file: 0, line: request });
  });

  test('two peers\' stray lines are two events, in input order', () => {
    const a = analyze([{ name: 'two', text: [corpus21, invalidSpi].join('\n') }]);
    expect(a.negotiations).toEqual([]);
    expect(a.events.map((e) => [e.event, e.peer])).toEqual([
      ['%CRYPTO-4-IKMP_BAD_MESSAGE', '192.1.20.2'],
      ['%CRYPTO-4-RECVD_PKT_INV_SPI', '103.1.1.1'],
    ]);
  });
});
