import { DiagnosisMemo } from './memo.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Severity } from '../analysis.ts';
import { analyze } from '../analyze.ts';
import { attachedConfig } from '../attach-config.ts';
import { simulate } from '../sim/simulate.ts';
import { writeDebug } from '../sim/debug-writer.ts';
import { PRESETS } from '../sim/presets.ts';
import { scenarioOf } from '../sim/preset-scenario.ts';
import { diagnose, RULES } from './diagnose.ts';

const read = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');
const brief = (found: readonly { severity: Severity; code: string }[]) => found.map((f) => `${f.severity} ${f.code}`);

test('every finding code of DESIGN.md has its rule', () => {
  expect(RULES.map((r) => r.code).sort()).toEqual(
    [
      'NO_PSK', 'PSK_MISMATCH', 'PEER_UNREACHABLE', 'P1_POLICY_MISMATCH', 'P1_RETRANSMIT', 'P2_TRANSFORM_MISMATCH', 'P2_PROXY_MISMATCH',
      'P2_PFS_MISMATCH', 'P2_REJECTED_BY_PEER', 'SA_DELETED_BY_PEER', 'INVALID_SPI', 'NO_SA_FOR_PACKET', 'NAT_T', 'WEAK_CRYPTO', 'LIFETIME_ADJUSTED',
    ].sort(),
  );
});

/**
 * Each real log read on its own by analyze(): what each negotiation reports, most severe first, and nothing
 * else (the findings the Analysis ships).
 */
const corpus: { file: string; findings: string[][] }[] = [
  { file: 'corpus/01-mm-qm-success-initiator-iosxe-cryptomap.log', findings: [[]] },
  { file: 'corpus/02-no-psk-configured-initiator-iosxe.log', findings: [['error NO_PSK']] },
  // CSDL warnings printed before any negotiation: no negotiation to report them on (weak-crypto.test.ts).
  { file: 'corpus/04-csdl-noncompliant-algorithms-iosxe.log', findings: [] },
  { file: 'corpus/06-nat-t-mm-qm-initiator-behind-nat-iosxe.log', findings: [['warning WEAK_CRYPTO', 'info SA_DELETED_BY_PEER', 'info NAT_T']] },
  { file: 'corpus/07-qm-responder-iosxe-cryptomap-pppoe.log', findings: [[]] },
  { file: 'corpus/08-mm-qm-success-initiator-ios124-pfs-annotated-zh.log', findings: [['warning WEAK_CRYPTO', 'info SA_DELETED_BY_PEER']] },
  {
    file: 'corpus/10-p1-keylength-mismatch-and-p2-transform-mismatch-transcribed.log',
    // R1's run (its proposal's DH group 5), then R2's refusals: R2's refused Quick Mode is followed by an accepted proposal.
    findings: [['warning WEAK_CRYPTO', 'info P2_TRANSFORM_MISMATCH'], ['error P1_POLICY_MISMATCH']],
  },
  // IKEv2: the IKE SA authenticated, its child SA refused (src/core/diagnosis/ikev2).
  { file: 'corpus/11-ikev2-iosxe-ipv6-vti-auth-no-proposal-chosen-initiator.log', findings: [['error P2_TRANSFORM_MISMATCH', 'warning WEAK_CRYPTO']] },
  { file: 'corpus/13-transform-set-mismatch-initiator-ios12-excerpt.log', findings: [['warning WEAK_CRYPTO']] },
  { file: 'corpus/14-mm-start-initiator-pastebin-wrapped-80col.log', findings: [[]] },
  { file: 'corpus/16-qm-responder-host-proxies-transform-none-pastebin.log', findings: [['warning WEAK_CRYPTO']] },
  { file: 'corpus/18-l2tp-transport-udp-error256-responder-issue-excerpts.log', findings: [['error P2_TRANSFORM_MISMATCH', 'info NAT_T']] },
  { file: 'corpus/19-flattened-pdf-text-initiator-mm1-mm3-studylib.log', findings: [[]] },
  // IPsec's request for SAs, no IKE line after it: a stray event, not a negotiation (stray-events.test.ts).
  { file: 'corpus/20-l2l-success-initiator-ios12-annotated-zh-tw-excerpt.log', findings: [] },
  // One error line alone is a stray event, not a negotiation: no finding (stray-events.test.ts).
  { file: 'corpus/21-psk-mismatch-ikmp-bad-message-single-line.log', findings: [] },
  { file: 'corpus/22-p1-lifetime-negotiation-responder-notes-snippet.log', findings: [['warning WEAK_CRYPTO', 'info LIFETIME_ADJUSTED']] },
  { file: 'corpus/23-ikmp-no-sa-not-initialization-offer-hub-iosxe.log', findings: [['info NO_SA_FOR_PACKET']] },
  // The seed's own policy is DES / SHA / group 1: a warning, and nothing fails.
  { file: 'seed/ios-ikev1-main-mode-debugs.txt', findings: [['warning WEAK_CRYPTO']] },
];

describe('corpus, the findings of the analysis', () => {
  for (const c of corpus) {
    test(c.file, () => {
      expect(analyze([{ name: c.file, text: read(c.file) }]).negotiations.map((n) => brief(n.findings))).toEqual(c.findings);
    });
  }
});

/**
 * The lab's presets, both routers' simulated debug output in one paste, through analyze(): the failure each
 * is meant to show, on every negotiation it makes.
 */
const presets: { name: string; findings: string[] }[] = [
  { name: 'seed', findings: ['warning WEAK_CRYPTO'] },
  { name: 'psk-mismatch', findings: ['error PSK_MISMATCH'] },
  { name: 'p1-policy-mismatch', findings: ['error P1_POLICY_MISMATCH'] },
  { name: 'transform-mismatch', findings: ['error P2_TRANSFORM_MISMATCH'] },
  { name: 'proxy-mismatch', findings: ['error P2_PROXY_MISMATCH'] },
  // Without configs IOS's error 256 cannot tell PFS from transform; with them it can (p2-pfs-mismatch.test.ts).
  { name: 'pfs-mismatch', findings: ['error P2_TRANSFORM_MISMATCH'] },
  { name: 'peer-unreachable', findings: ['error PEER_UNREACHABLE'] },
  { name: 'nat-t', findings: ['info NAT_T'] },
  { name: 'aggressive', findings: [] },
];

describe('simulated presets', () => {
  for (const c of presets) {
    test(c.name, () => {
      const preset = PRESETS.find((p) => p.name === c.name);
      if (!preset) throw new Error(`no preset ${c.name}`);
      const trace = simulate(scenarioOf(preset));
      const text = `${writeDebug(trace, 'initiator')}\n${writeDebug(trace, 'responder')}`;
      expect(analyze([{ name: c.name, text }]).negotiations.flatMap((n) => brief(n.findings))).toEqual(c.findings);
    });
  }
});

test('most severe first', () => {
  const rank = { error: 0, warning: 1, info: 2 };
  const negotiations = analyze([{ name: '10', text: read('corpus/10-p1-keylength-mismatch-and-p2-transform-mismatch-transcribed.log') }]).negotiations;
  expect(negotiations.map((n) => n.findings.length)).toEqual([2, 1]);
  for (const n of negotiations) {
    const found = n.findings.map((f) => rank[f.severity]);
    expect(found).toEqual([...found].sort((a, b) => a - b));
  }
});

/**
 * Through analyze(): each negotiation with the evidence events it keeps. The evidence holds refusals and
 * errors but not proposals, packets or state changes, so the rules lean on the negotiation's structure.
 */
const analyzed: { file: string; findings: string[][] }[] = [
  { file: 'corpus/01-mm-qm-success-initiator-iosxe-cryptomap.log', findings: [[]] },
  { file: 'corpus/02-no-psk-configured-initiator-iosxe.log', findings: [['error NO_PSK']] },
  { file: 'corpus/06-nat-t-mm-qm-initiator-behind-nat-iosxe.log', findings: [['warning WEAK_CRYPTO', 'info SA_DELETED_BY_PEER', 'info NAT_T']] },
  { file: 'corpus/18-l2tp-transport-udp-error256-responder-issue-excerpts.log', findings: [['error P2_TRANSFORM_MISMATCH', 'info NAT_T']] },
  // One error line alone is a stray event, not a negotiation: no finding (stray-events.test.ts).
  { file: 'corpus/21-psk-mismatch-ikmp-bad-message-single-line.log', findings: [] },
  { file: 'corpus/23-ikmp-no-sa-not-initialization-offer-hub-iosxe.log', findings: [['info NO_SA_FOR_PACKET']] },
  { file: 'seed/ios-ikev1-main-mode-debugs.txt', findings: [['warning WEAK_CRYPTO']] },
];

describe('through analyze()', () => {
  for (const c of analyzed) {
    test(c.file, () => {
      const analysis = analyze([{ name: c.file, text: read(c.file) }]);
      const found = analysis.negotiations.map((n) => brief(diagnose({ negotiation: n, events: n.evidence, configs: {}, memo: new DiagnosisMemo() })));
      expect(found).toEqual(c.findings);
    });
  }
});

/** A preset's two routers' logs as two files, merged by analyze(), with their configs as files 2 and 3. */
function analyzedPreset(name: string): { findings: ReturnType<typeof diagnose>[] } {
  const preset = PRESETS.find((p) => p.name === name);
  if (!preset) throw new Error(`no preset ${name}`);
  const trace = simulate(scenarioOf(preset));
  const analysis = analyze([
    { name: 'initiator.log', text: writeDebug(trace, 'initiator') },
    { name: 'responder.log', text: writeDebug(trace, 'responder') },
  ]);
  const configs = { initiator: attachedConfig(2, preset.initiator.config), responder: attachedConfig(3, preset.responder.config) };
  return { findings: analysis.negotiations.map((n) => diagnose({ negotiation: n, events: n.evidence, configs, memo: new DiagnosisMemo() })) };
}

describe('two logs merged by analyze(), with both configs', () => {
  test("pfs-mismatch: PFS, joined to the initiator's PROPOSAL_NOT_CHOSEN, the responder's set pfs line", () => {
    const [first] = analyzedPreset('pfs-mismatch').findings;
    expect(brief(first ?? [])).toEqual(['error P2_PFS_MISMATCH']);
    const f = first?.[0];
    expect(f?.lines).toContainEqual({ file: 0, line: 74 });
    expect(f?.lines.some((l) => l.file === 1)).toBe(true);
    expect(f?.configLines?.some((l) => l.file === 3)).toBe(true);
    expect(f?.summary).toMatch(/HQ was told with PROPOSAL_NOT_CHOSEN/);
  });

  test('psk-mismatch: both sides resending, one finding naming both key lines', () => {
    const [first] = analyzedPreset('psk-mismatch').findings;
    expect(brief(first ?? [])).toEqual(['error PSK_MISMATCH']);
    expect(new Set(first?.[0]?.configLines?.map((l) => l.file))).toEqual(new Set([2, 3]));
  });

  test('transform-mismatch: the fix is the transform set line to change', () => {
    const [first] = analyzedPreset('transform-mismatch').findings;
    expect(brief(first ?? [])).toEqual(['error P2_TRANSFORM_MISMATCH']);
    expect(first?.[0]?.fix).toContain('esp-aes 256 esp-sha256-hmac');
  });
});
