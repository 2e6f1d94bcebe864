import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../analyze.ts';

const file = (n: number): string => {
  const names: Record<number, string> = {
    11: '11-ikev2-iosxe-ipv6-vti-auth-no-proposal-chosen-initiator.log',
    24: '24-ike-sa-init-no-response-retransmit-initial-exchange-failed-initiator-iosxe16.log',
    26: '26-asa-psk-mismatch-authentication-failed-responder-two-attempts.log',
    27: '27-asa-transform-set-mismatch-child-no-proposal-chosen-initiator-pair-a.log',
    28: '28-asa-transform-set-mismatch-received-vs-expected-policies-responder-pair-b.log',
    29: '29-asa-success-ike-sa-init-ike-auth-initiator-pair-a.log',
    30: '30-asa-success-ike-sa-init-ike-auth-responder-pair-b.log',
    31: '31-asa-ike-proposal-mismatch-no-proposal-chosen-responder.log',
    32: '32-asa-acl-mismatch-no-proxy-match-no-proposal-chosen-responder.log',
  };
  return names[n]!;
};
const text = (n: number): string => readFileSync(`fixtures/corpus/${file(n)}`, 'utf8');
const run = (...ns: number[]) => analyze(ns.map((n) => ({ name: file(n), text: text(n) })));

/** The number of the first line of corpus file `n` (after its header) that holds `s`. */
function lineOf(n: number, s: string): number {
  const i = text(n).split('\n').findIndex((l) => !l.startsWith('#') && l.includes(s));
  if (i < 0) throw new Error(`no ${s} in ${n}`);
  return i + 1;
}

interface Case {
  name: string;
  files: number[];
  /** The findings' codes, one per negotiation. */
  codes: string[][];
  /** Real lines (file index in `files`, text) the first finding must cite. */
  cites: [number, string][];
  says?: RegExp;
  /** The finding cites the packet line of the response that carries this notify. */
  refusal?: string;
}

const CASES: Case[] = [
  {
    name: 'ASA responder, wrong pre-shared key, two attempts: PSK_MISMATCH each time',
    files: [26],
    codes: [['PSK_MISMATCH'], ['PSK_MISMATCH']],
    cites: [[0, 'Computed authentication value for peer differs from what peer sent'], [0, "Verification of peer's authentication data FAILED"]],
    says: /pre-shared keys differ/,
  },
  {
    name: 'IOS-XE initiator, child SA refused in IKE_AUTH: P2_TRANSFORM_MISMATCH, saying this side cannot tell it from ACLs',
    files: [11],
    codes: [['P2_TRANSFORM_MISMATCH']],
    cites: [],
    refusal: 'NO_PROPOSAL_CHOSEN',
    says: /The IKE SA is up, but .*NO_PROPOSAL_CHOSEN.*the responder's log says which/,
  },
  {
    name: "ASA responder prints what was offered and what it accepts",
    files: [28],
    codes: [['P2_TRANSFORM_MISMATCH'], ['P2_TRANSFORM_MISMATCH']],
    cites: [[0, 'Received Policies:'], [0, 'Expected Policies:']],
    says: /AES-CBC-256 .* accepts ESP: Proposal 0: {2}AES-CBC-128/,
  },
  {
    name: 'both ASAs merged: the transform mismatch, without the one-sided caveat',
    files: [27, 28],
    codes: [['P2_TRANSFORM_MISMATCH'], ['P2_TRANSFORM_MISMATCH']],
    cites: [[1, 'Received Policies:']],
  },
  {
    name: 'ASA responder, no IKE proposal in common: P1_POLICY_MISMATCH at IKE_SA_INIT',
    files: [31],
    codes: [['P1_POLICY_MISMATCH']],
    cites: [[0, 'Received Policies:'], [0, 'Expected Policies:']],
    refusal: 'NO_PROPOSAL_CHOSEN',
    says: /AES-CBC-128 .* accepts Proposal 1: {2}AES-CBC-256/,
  },
  {
    name: 'ASA responder, crypto ACLs not mirrored: P2_PROXY_MISMATCH, not a transform mismatch, though it answers NO_PROPOSAL_CHOSEN',
    files: [32],
    codes: [['P2_PROXY_MISMATCH']],
    cites: [[0, 'Crypto Map: No proxy match on map VPN_MAP seq 1']],
    says: /crypto map VPN_MAP has no entry/,
  },
  { name: 'a successful IKE SA has no finding', files: [29, 30], codes: [[]], cites: [] },
  {
    name: 'IOS 16 initiator, IKE_SA_INIT sent four times and never answered: PEER_UNREACHABLE',
    files: [24],
    codes: [['PEER_UNREACHABLE']],
    cites: [[0, 'Initial exchange failed: Initial exchange failed']],
    says: /sent IKE_SA_INIT to FC00:123:123:123::1 4 times \(3 resends\) and never got an answer, then the initial exchange failed/,
  },
];

/** Corpus 24 cut just before its `n`th `Retransmitting packet` line: the paste holds `n` sendings of IKE_SA_INIT. */
function cut24(sendings: number): string {
  const lines = text(24).split('\n');
  let seen = 0;
  const end = lines.findIndex((l) => !l.startsWith('#') && l.includes('Retransmitting packet') && ++seen >= sendings);
  return lines.slice(0, end < 0 ? lines.length : end).join('\n');
}

describe('PEER_UNREACHABLE on an IKEv2 log that ends early (corpus 24, cut)', () => {
  const findings = (t: string) => analyze([{ name: 'cut.log', text: t }]).negotiations.flatMap((n) => n.findings);
  test('one sending, or one resend, is no finding yet: the answer may still come', () => {
    expect(findings(cut24(1))).toEqual([]);
    expect(findings(cut24(2))).toEqual([]);
  });
  test('a second resend with no answer is a warning, the outcome not in the log', () => {
    const f = findings(cut24(3));
    expect(f.map((x) => [x.code, x.severity])).toEqual([['PEER_UNREACHABLE', 'warning']]);
    expect(f[0]?.summary).toMatch(/3 times \(2 resends\) .*\(the log ends before the outcome\)/);
  });
});

describe('IKEv2 findings on real logs', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const a = run(...c.files);
      expect(a.negotiations.map((n) => n.findings.map((f) => f.code))).toEqual(c.codes);
      const f = a.negotiations[0]!.findings[0];
      for (const [k, s] of c.cites) expect(f?.lines).toContainEqual({ file: k, line: lineOf(c.files[k]!, s) });
      if (c.says) expect(f?.summary).toMatch(c.says);
      if (c.refusal) {
        const m = a.negotiations[0]!.ikeSa!.messages.find((x) => x.response && x.payloads.includes(`NOTIFY(${c.refusal})`))!;
        expect(f?.lines).toContainEqual(m.lines[0]);
        expect(Object.values(m.packetLines)).toContainEqual(m.lines[0]);
      }
      if (c.files.length === 2 && f) expect(f.summary).not.toMatch(/responder's log says which/);
    });
  }
});
