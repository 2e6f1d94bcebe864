import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../analyze.ts';
import { failed, negotiationOutcome, summarizeAnalysis } from './summary.ts';
import { summaryText } from './summary-text.ts';

const corpus = (name: string) => ({ name, text: readFileSync(new URL(`../../../fixtures/corpus/${name}`, import.meta.url), 'utf8') });

// Real logs of different routers given together, as a headend's engineer pastes a day of cases: two of them
// (01 and 02) are the same router's tunnels to one peer, one of which fails for want of a pre-shared key.
const files = [
  '01-mm-qm-success-initiator-iosxe-cryptomap.log',
  '02-no-psk-configured-initiator-iosxe.log',
  '06-nat-t-mm-qm-initiator-behind-nat-iosxe.log',
  '16-qm-responder-host-proxies-transform-none-pastebin.log',
].map(corpus);

describe('the summary of an analysis', () => {
  const analysis = analyze(files);
  const summary = summarizeAnalysis(analysis);

  test('counts what the negotiations say, each once', () => {
    const { negotiations } = analysis;
    expect(summary.negotiations).toBe(negotiations.length);
    expect(Object.values(summary.byOutcome.phase1).reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(negotiations.length);
    expect(Object.values(summary.byOutcome.phase2).reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(negotiations.flatMap((n) => n.phase2).length);
    const findings = negotiations.flatMap((n) => n.findings);
    expect(Object.values(summary.byFinding).reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(findings.length);
    expect(summary.bySeverity.error + summary.bySeverity.warning + summary.bySeverity.info).toBe(findings.length);
    expect(summary.failed).toBe(negotiations.filter(failed).length);
    expect(summary.byOutcome.negotiation.failed).toBe(summary.failed);
    expect(Object.values(summary.byOutcome.negotiation).reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(negotiations.length);
    for (const outcome of ['failed', 'complete', 'incomplete'] as const)
      expect(summary.byOutcome.negotiation[outcome] ?? 0).toBe(negotiations.filter((n) => negotiationOutcome(n) === outcome).length);
    expect(summary.peers.reduce((a, p) => a + p.negotiations, 0)).toBe(negotiations.length);
  });

  test('names the failing peer first, with its code', () => {
    expect(summary.byFinding.NO_PSK).toBe(1);
    expect(summary.byOutcome.phase1.failed).toBe(1);
    expect(summary.peers[0]).toEqual({ peer: '203.0.113.1', negotiations: 2, failed: 1, codes: ['NO_PSK'] });
    expect(summary.peers.slice(1).every((p) => p.failed === 0)).toBe(true);
    // the rest in the order the log first names them
    const firstNamed = [...new Set(analysis.negotiations.map((n) => n.peer))].filter((p) => p !== '203.0.113.1');
    expect(summary.peers.slice(1).map((p) => p.peer)).toEqual(firstNamed);
  });

  test('spans each file from its first to its last time printed', () => {
    expect(summary.spans.map((s) => s.file)).toEqual(files.map((_, file) => file).filter((file) => [...analysis.records.file].some((f, i) => f === file && (analysis.records.time[i] ?? -1) >= 0)));
    for (const span of summary.spans) {
      const times = [...analysis.records.time].filter((t, i) => t >= 0 && analysis.records.file[i] === span.file);
      expect(span).toEqual({ file: span.file, first: times[0], last: times[times.length - 1] });
    }
    expect(summary.spans.length).toBeGreaterThan(1);
  });

  test('IKEv2 negotiations count under their IKE SA and child SAs, not under phase 1', () => {
    // corpus 29: an ASA's IKE SA and child SA up; 26: an ASA refusing a peer's pre-shared key twice
    const mixed = analyze(['29-asa-success-ike-sa-init-ike-auth-initiator-pair-a.log', '26-asa-psk-mismatch-authentication-failed-responder-two-attempts.log', '01-mm-qm-success-initiator-iosxe-cryptomap.log'].map(corpus));
    const s = summarizeAnalysis(mixed);
    const v2 = mixed.negotiations.filter((n) => n.ikeVersion === 2);
    expect(v2.length).toBeGreaterThan(1);
    const total = (c: Record<string, number | undefined>) => Object.values(c).reduce<number>((a, b) => a + (b ?? 0), 0);
    expect(total(s.byOutcome.ikeSa)).toBe(v2.length);
    expect(total(s.byOutcome.phase1)).toBe(mixed.negotiations.length - v2.length);
    expect(total(s.byOutcome.childSas)).toBe(v2.flatMap((n) => n.childSas ?? []).length);
    expect(s.byOutcome.ikeSa.complete).toBe(1);
    expect(s.byFinding.PSK_MISMATCH).toBe(v2.length - 1);
    expect(s.peers[0]?.codes).toEqual(['PSK_MISMATCH']);
  });

  test('lines outside any negotiation are counted by message, lines and peers, and only when there are some', () => {
    // corpus 21's one IKMP_BAD_MESSAGE line, and line 15 of a real excerpt (RECVD_PKT_INV_SPI) three times alone
    const invalidSpi = readFileSync(new URL('../../../fixtures/partial/clear-keystrokes-inv-spi-responder-notes.log', import.meta.url), 'utf8').split('\n')[14]!;
    const a = analyze([corpus('21-psk-mismatch-ikmp-bad-message-single-line.log'), { name: 'inv-spi', text: [invalidSpi, invalidSpi, invalidSpi].join('\n') }]);
    expect(a.negotiations).toEqual([]);
    expect(summarizeAnalysis(a).strays).toEqual([
      { event: '%CRYPTO-4-RECVD_PKT_INV_SPI', lines: 3, peers: 1 },
      { event: '%CRYPTO-4-IKMP_BAD_MESSAGE', lines: 1, peers: 1 },
    ]);
    expect(summaryText(summarizeAnalysis(a), a.input.files)).toContain('%CRYPTO-4-RECVD_PKT_INV_SPI  3 lines  1 peer');
    expect(summarizeAnalysis(analyze([corpus('01-mm-qm-success-initiator-iosxe-cryptomap.log')]))).not.toHaveProperty('strays');
  });

  test('a log with no negotiation summarizes to nothing', () => {
    const empty = summarizeAnalysis(analyze([{ name: 'prose.txt', text: 'R1#show clock\n*10:00:00.000 UTC Fri Mar 1 2024\n' }]));
    expect(empty).toMatchObject({ negotiations: 0, failed: 0, byFinding: {}, peers: [] });
    expect(empty.byOutcome).toEqual({ negotiation: {}, phase1: {}, phase2: {}, ikeSa: {}, childSas: {} });
  });
});
