import { describe, expect, test } from 'vitest';
import { buildTimeline } from '../timeline/timeline.ts';
import { fence, markdownReport } from './markdown.ts';
import { corpusCases, reportSourceOf, seedSource, shownKeys } from './report-fixtures.test-helper.ts';

/** The report's text between one heading and the next of the same level or above. */
function sectionOf(report: string, heading: string): string {
  const start = report.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`no heading ${heading}`);
  const level = heading.match(/^#+/)![0].length;
  const rest = report.slice(start + heading.length);
  const next = rest.search(new RegExp(`\\n#{1,${level}} `));
  return next < 0 ? rest : rest.slice(0, next);
}

describe('the seed as a case note', () => {
  const source = seedSource();
  const report = markdownReport(source);

  test('names the negotiation by its peers and id, with its outcome and both phases', () => {
    expect(report).toContain('## Negotiation n1: R2 (2001:DB8::2) → R3 (2001:DB8::3)');
    expect(report).toContain('Outcome: **complete**');
    expect(report).toContain('- Phase 1 (Main Mode): complete — DES-CBC, SHA, DH group 1, pre-share, 86400 s');
    expect(report).toContain('- Phase 2 (message ID 1371333358): complete — esp-aes esp-sha-hmac, tunnel');
  });

  test('tells the messages in the order of the core timeline, each with its guide title', () => {
    const timeline = buildTimeline(source.negotiations[0]!);
    const names = timeline.messageSteps.map((i) => (timeline.steps[i] as { message: { name: string } }).message.name);
    const headings = [...report.matchAll(/^### (\d+)\. ([^\s:]+)/gm)].map((m) => m[2]);
    expect(headings).toEqual(names);
    expect(names).toEqual(['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6', 'QM1', 'QM2', 'QM3']);
    expect(report).toContain('### 5. MM5: Main Mode 5: initiator proves its identity');
  });

  test('as the Cisco document does, each message has its debug lines from each router, what it includes and its configuration', () => {
    const mm1 = sectionOf(report, '### 1. MM1: Main Mode 1: initiator offers its policies');
    expect(mm1).toContain('Debug lines of R2 (initiator):');
    expect(mm1).toContain('Debug lines of R3 (responder):');
    // R2 sends MM1 (line 600 of the paste); R3 receives it (line 156)
    expect(mm1).toMatch(/ 600 {2}\*Sep 21 08:33:43\.245: ISAKMP: \(0\): sending packet to 2001: DB8::3 my_port 500 peer_port 500 \(I\) MM_NO_STATE/);
    expect(mm1).toMatch(/ 156 {2}\*Sep 21 08:33:43\.377: ISAKMP \(0\) : received packet from 2001: DB8::2/);
    expect(mm1).toContain('↳ Sends an IKE packet to the peer as initiator');
    expect(mm1).toContain('- **Includes:** SA (one transform per local crypto isakmp policy');
    expect(mm1).toContain('Related configuration in seed-R2.config.txt:');
    expect(mm1).toContain('crypto isakmp policy 10');
    expect(mm1).toContain('encryption des   ! IOS default: default encryption of an isakmp policy');
    expect(mm1).toContain('- **State of R3:** `IKE_READY` → `IKE_R_MM1`');
    expect(report).toContain('Before the first message, R2 goes from `IKE_READY` to `IKE_I_MM1`.');
  });

  test('gives each finding with its evidence lines, its fix and the config lines to change', () => {
    const finding = sectionOf(report, '### WARNING WEAK_CRYPTO');
    expect(finding).toContain('**Fix:** Use AES-256');
    expect(finding).toMatch(/0: 182 {2}\*Sep 21 08:33:43\.377: ISAKMP: {6}encryption DES-CBC/);
    expect(finding).toContain('Config lines to change:');
  });

  test('masks the pre-shared keys, in the messages and the configs, unless asked for them', () => {
    expect(shownKeys(report).length).toBeGreaterThan(2);
    expect(new Set(shownKeys(report))).toEqual(new Set(['*****']));
    expect(report).not.toContain('key cisco');
    const withKeys = markdownReport(source, { includeKeys: true });
    expect(new Set(shownKeys(withKeys))).toEqual(new Set(['cisco']));
  });

  test('ends with what show crypto ipsec sa verified, and its lines', () => {
    const verification = sectionOf(report, '## Verification of phase 2 1371333358 (show crypto ipsec sa)');
    expect(verification).toContain('0x45F16A9A and 0x221A7153 ACTIVE, 9 packets out, 9 in: the tunnel passes traffic both ways.');
    expect(verification).toMatch(/0:1038 {10}Status: ACTIVE/);
  });

  test('lists each config whole, the lines the negotiation depends on marked and its unsaid defaults in place', () => {
    const config = sectionOf(report, '### seed-R2.config.txt');
    expect(config).toContain('>   1  crypto isakmp policy 10');
    expect(config).toContain('       lifetime 86400   ! default: default IKE SA lifetime (seconds)');
    expect(config).toContain('   22  ip address 192.168.23.2 255.255.255.0');
  });
});

test('a code block is fenced longer than any backtick run it holds, so no log line can close it', () => {
  // hand-written: a line with a run of three backticks, as a terminal paste can hold
  expect(fence(['a ``` b', 'c'])).toEqual(['````text', 'a ``` b', 'c', '````']);
});

describe('every corpus log as a case note', () => {
  for (const c of corpusCases()) {
    test(c.name, () => {
      const source = reportSourceOf([c.log], c.configs);
      const report = markdownReport(source);
      // KEY: the placeholder of a fix's command ("crypto isakmp key KEY address PEER"), not a key of the input
      for (const key of shownKeys(report)) expect(key).toMatch(/^(\*{5}(-\d+)?|KEY'?)$/);
      for (const n of source.negotiations) expect(report).toContain(`## Negotiation ${n.id}: `);
      const messages = source.negotiations.reduce((sum, n) => sum + buildTimeline(n).messageSteps.length, 0);
      expect([...report.matchAll(/^### \d+\. /gm)].length).toBe(messages);
    });
  }
});

test('a negotiation whose log shows no phase 1 message says so and still tells its Quick Mode', () => {
  // corpus 16: the responder's Quick Mode alone, pasted without the Main Mode before it
  const source = reportSourceOf(['fixtures/corpus/16-qm-responder-host-proxies-transform-none-pastebin.log']);
  const n = source.negotiations.find((x) => x.phase1.messages.length === 0 && x.phase2.length > 0);
  expect(n).toBeDefined();
  const report = markdownReport({ ...source, negotiations: [n!] });
  expect(report).toContain('- Phase 1: the log shows none of its messages');
  expect(report).toMatch(/^### 1\. QM1/m);
});

test('an IKEv2 negotiation is told by its IKE SA and child SAs, its messages by their exchange names', () => {
  // corpus 29 and 30: the two ASAs' logs of one successful IKE SA
  const source = reportSourceOf([
    'fixtures/corpus/29-asa-success-ike-sa-init-ike-auth-initiator-pair-a.log',
    'fixtures/corpus/30-asa-success-ike-sa-init-ike-auth-responder-pair-b.log',
  ]);
  const report = markdownReport(source);
  expect(report).toMatch(/^- IKE SA [0-9A-F]{16}\/[0-9A-F]{16} \(IKEv2\): complete/m);
  expect(report).toMatch(/^- Child SA \(message ID 1\): complete/m);
  expect(report).not.toContain('Phase 1');
  expect([...report.matchAll(/^### \d+\. ([^:]+):/gm)].map((m) => m[1])).toEqual([
    'IKE\\_SA\\_INIT', 'IKE\\_SA\\_INIT.response', 'IKE\\_AUTH', 'IKE\\_AUTH.response',
  ]);
  expect(report).toMatch(/- 1\.1\.1\.1 \(responder\), IKE SA: `IDLE → R_INIT/);
});

describe('an IKEv2 response that refused its child SA (corpus 11)', () => {
  const report = markdownReport(reportSourceOf(['fixtures/corpus/11-ikev2-iosxe-ipv6-vti-auth-no-proposal-chosen-initiator.log']));
  test('is told as the inspector tells it: the refusal, not a match of the ESP proposal', () => {
    expect(report).toContain('- **Sender:** Verified the initiator\'s AUTH and sent its own; refused the child SA with NOTIFY(NO\\_PROPOSAL\\_CHOSEN)');
    expect(report).not.toContain('matched the ESP proposal and traffic selectors');
  });
});
