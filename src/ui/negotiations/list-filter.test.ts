import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import { toPageAnalysis } from '../../worker/page-analysis.ts';
import { filterNegotiations, listFilterHash, NO_FILTER, readListFilter } from './list-filter.ts';

const corpus = (name: string) => ({ name, text: readFileSync(new URL(`../../../fixtures/corpus/${name}`, import.meta.url), 'utf8') });

// Real logs given together: 01 and 02 are one router's tunnels to the same peer, 02 failing (no pre-shared key).
const page = toPageAnalysis(
  analyze(
    [
      '06-nat-t-mm-qm-initiator-behind-nat-iosxe.log',
      '01-mm-qm-success-initiator-iosxe-cryptomap.log',
      '16-qm-responder-host-proxies-transform-none-pastebin.log',
      '02-no-psk-configured-initiator-iosxe.log',
    ].map(corpus),
  ),
  false,
);
const { negotiations } = page;
const peers = (rows: number[]) => rows.map((i) => negotiations[i]?.peer);

describe('the negotiations list filter', () => {
  test('no filter lists every negotiation in log order', () => {
    expect(filterNegotiations(negotiations, NO_FILTER)).toEqual(negotiations.map((_, i) => i));
  });

  test('by one peer: only its negotiations', () => {
    const rows = filterNegotiations(negotiations, { ...NO_FILTER, peer: '203.0.113.1' });
    expect(peers(rows)).toEqual(['203.0.113.1', '203.0.113.1']);
  });

  test('by text: any part of an address or a router name, any case', () => {
    expect(peers(filterNegotiations(negotiations, { ...NO_FILTER, text: '61.128' }))).toEqual(['61.128.1.1']);
    const named = filterNegotiations(negotiations, { ...NO_FILTER, text: 'SPOKE1' });
    const spoke = negotiations.filter((n) => [n.routers.initiator.name, n.routers.responder.name, n.local].includes('spoke1'));
    expect(named.length).toBe(spoke.length);
    expect(named.length).toBeGreaterThan(0);
    expect(filterNegotiations(negotiations, { ...NO_FILTER, text: 'no such router' })).toEqual([]);
  });

  test('by outcome and by finding code agree with the summary', () => {
    const failed = filterNegotiations(negotiations, { ...NO_FILTER, outcome: 'failed' });
    expect(failed.length).toBe(page.summary.byOutcome.negotiation.failed);
    expect(failed.map((i) => negotiations[i]?.findings.map((f) => f.code))).toEqual([['NO_PSK']]);
    for (const [code, count] of Object.entries(page.summary.byFinding)) {
      const rows = filterNegotiations(negotiations, { ...NO_FILTER, code: code as 'NO_PSK' });
      expect(rows.every((i) => negotiations[i]?.findings.some((f) => f.code === code))).toBe(true);
      // a negotiation may hold a code more than once: never more rows than findings
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBeLessThanOrEqual(count ?? 0);
    }
  });

  test('failures first: the failed negotiation leads, the rest keep log order', () => {
    const rows = filterNegotiations(negotiations, { ...NO_FILTER, sort: 'failures' });
    expect(negotiations[rows[0]!]?.outcome).toBe('failed');
    const rest = rows.slice(1);
    expect(rest).toEqual([...rest].sort((a, b) => a - b));
  });

  test('the link keeps the filter, and reads nothing it cannot be', () => {
    const filter = { peer: '2001:db8::1', text: '10.1 & more', outcome: 'failed' as const, code: 'PSK_MISMATCH' as const, sort: 'failures' as const };
    expect(readListFilter(`#w=x&n=0&${listFilterHash(filter)}`)).toEqual(filter);
    expect(listFilterHash(NO_FILTER)).toBe('');
    expect(readListFilter('#o=toString&c=<script>&sort=__proto__')).toEqual(NO_FILTER);
  });
});
