/**
 * Real excerpts as engineers paste them (fixtures/partial/, each with its source): a phase 2 without its phase 1,
 * show output alone, lines around which a paste puts other things. What each must give, read from the excerpt,
 * and a golden JSON per file (UPDATE_GOLDENS=1 writes them, then review the diff).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Analysis } from './analysis.ts';
import { analysisJsonText } from './analysis-json.ts';
import { analyze } from './analyze.ts';

const dir = new URL('../../fixtures/partial/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.log')).sort();
const run = (name: string): Analysis => analyze([{ name, text: readFileSync(new URL(name, dir), 'utf8') }]);

const expectations: Record<string, (a: Analysis) => void> = {
  'clear-keystrokes-inv-spi-responder-notes.log': (a) => {
    // keystrokes glued to debug lines ('dst 1r cr') make no negotiation: one, HQ answering SITE-A's new Main Mode
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'responder', peer: '103.1.1.1' });
    // its own address from the lines that name it (src of the delete notify, destaddr= of the ESP), the prompt's name beside it
    expect(n.local).toBe('61.128.1.1');
    expect(n.routers.responder).toMatchObject({ name: 'HQ', address: '61.128.1.1' });
    expect(n.phase1.mode).toBe('main');
    expect(n.phase1.messages.map((m) => m.name)).toEqual(['MM1', 'MM2']);
    // the ESP of the SA the operator just cleared arrives: INVALID_SPI, a clear among its causes
    const spi = n.findings.find((f) => f.code === 'INVALID_SPI');
    expect(spi?.summary).toContain('clear crypto sa');
    expect(a.input.unrecognized).toEqual([]);
  },
  'failover-inv-spi-numbered-notes-ko-book.log': (a) => {
    // the author's (#1)..(#5) after the lines: each line read by its message
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'responder', peer: '1.1.56.6', local: '1.1.100.10' });
    // the new outbound SA in use proves both phases completed, though the lines between are elided
    expect(n.phase1.outcome).toBe('complete');
    expect(n.phase2.map((p) => p.outcome)).toEqual(['complete']);
    expect(n.phase2[0]!.sas.map((s) => [s.direction, s.spi])).toEqual([['outbound', '0xDD8C4BB4']]);
    // R3 became HSRP active for an SA only R2 had: a failover, among INVALID_SPI's causes
    expect(n.findings.find((f) => f.code === 'INVALID_SPI')?.summary).toContain('failover');
  },
  'ipsec-only-refused-transform-course-notes.log': (a) => {
    // R1 asks IPsec for SAs, R2 checks the Quick Mode's proposal and refuses its transform: one negotiation,
    // no ISAKMP line of either router in the paste
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'both', local: '15.1.1.1', peer: '25.2.2.2' });
    expect(n.routers.initiator.name).toBe('R1');
    expect(n.routers.responder.name).toBe('R2');
    // a Quick Mode runs under a complete phase 1: implied, in a mode no line shows
    expect(n.phase1).toMatchObject({ mode: null, outcome: 'complete', implied: true, messages: [] });
    expect(n.phase2.map((p) => [p.outcome, p.transform])).toEqual([['failed', 'esp-aes']]);
    expect(n.findings.map((f) => f.code)).toEqual(['P2_TRANSFORM_MISMATCH']);
    expect(a.input.unrecognized).toEqual([]);
  },
  'qm-only-refused-by-hub-proxy-mismatch-blog.log': (a) => {
    // spoke2 and the hub print the same Quick Mode (M-ID 570535495): one negotiation, though the hub sees the
    // spoke by its NAT address (203.0.113.30) and the spoke prints its own (172.16.0.2)
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'both', local: '172.16.0.2', peer: '203.0.113.1' });
    expect(n.routers.initiator.name).toBe('spoke2');
    expect(n.routers.responder.name).toBe('Hub-RTR');
    // no Main Mode line: phase 1 is complete by spoke2's IKE_P1_COMPLETE line, in a mode no line shows
    expect(n.phase1).toMatchObject({ mode: null, outcome: 'complete', messages: [] });
    expect(n.phase1.implied).toBeUndefined();
    expect(n.phase2.map((p) => [p.messageId, p.outcome, p.transform])).toEqual([
      [570535495, 'failed', 'esp-aes 256 esp-sha-hmac'],
      [852773885, 'failed', null],
    ]);
    // error 32: the hub has no crypto map entry (ACL) for this spoke's networks
    expect(n.findings.map((f) => f.code)).toContain('P2_PROXY_MISMATCH');
    expect(a.input.unrecognized).toEqual([]);
  },
  'show-isakmp-sa-empty-then-qm-idle-blog.log': (a) => {
    // the empty output lists nothing; the second lists the phase 1 the ping brought up
    expect(a.negotiations).toHaveLength(1);
    expect(a.negotiations[0]).toMatchObject({ local: '203.0.113.10', peer: '203.0.113.1', findings: [] });
    expect(a.negotiations[0]!.phase1).toMatchObject({ mode: null, outcome: 'complete', implied: true });
  },
  'show-crypto-session-up-course-notes.log': (a) => {
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ local: '15.1.1.1', peer: '25.2.2.2', role: 'unknown' });
    // `IKEv1 SA: ... Active` and `Active SAs: 2`: both phases up; no line shows the mode
    expect(n.phase1).toMatchObject({ mode: null, outcome: 'complete', implied: true });
    expect(n.phase2.map((p) => p.outcome)).toEqual(['complete']);
    expect(n.findings).toEqual([]);
  },
  'show-ipsec-sa-no-sa-course-notes.log': (a) => {
    // a flow with no SA (current outbound spi 0x0) and an engine with only its IKE connection: nothing negotiated is listed
    expect(a.negotiations).toEqual([]);
    expect(a.input.unrecognized).toEqual([]);
  },
  'show-isakmp-ipsec-sa-spoke1-excerpt.log': (a) => {
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ local: '203.0.113.10', peer: '203.0.113.1' });
    expect(n.phase1).toMatchObject({ mode: null, outcome: 'complete', implied: true });
    expect(n.phase2).toHaveLength(1);
    expect(n.phase2[0]).toMatchObject({ outcome: 'complete', spis: { inbound: '0xDA9E8DCA', outbound: '0xB2C0867D' } });
    // the counters the block shows: 4 packets out, none in
    expect(n.phase2[0]!.verification).toMatchObject({ packetsOut: 4, packetsIn: 0, up: false });
  },
  'show-isakmp-sa-qm-idle-blog.log': (a) => {
    // two rows, the router's own address (102.1.1.1) in both: two phase 1s up with two peers
    expect(a.negotiations.map((n) => [n.local, n.peer, n.phase1.outcome, n.phase1.implied])).toEqual([
      ['102.1.1.1', '103.1.1.1', 'complete', true],
      ['102.1.1.1', '101.1.1.1', 'complete', true],
    ]);
    expect(a.negotiations.every((n) => n.phase1.mode === null && n.phase2.length === 0 && n.findings.length === 0)).toBe(true);
  },
};

function expectGolden(file: URL, text: string): void {
  if (process.env.UPDATE_GOLDENS === '1') writeFileSync(file, text);
  if (!existsSync(file)) expect.fail(`no golden file ${file.pathname}: write it with UPDATE_GOLDENS=1 npx vitest run src/core/partial-pastes.test.ts, then review it`);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

describe('partial pastes', () => {
  test('every excerpt has its expectations written down, and its source', () => {
    expect(Object.keys(expectations).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(new URL(f, dir), 'utf8').startsWith('# source: ')).toBe(true);
  });
  for (const f of files) {
    test(`${f}: what the excerpt says`, () => expectations[f]?.(run(f)));
    test(`${f}: golden`, () => expectGolden(new URL(`../golden/partial/${f.replace(/\.log$/, '')}.json`, dir), analysisJsonText(run(f))));
  }

  // hand-written from corpus 08's wording (no excerpt of an Aggressive Mode responder cut before its packet line
  // yet): the responder processes SA, KE, NONCE and ID in the peer's first message; Main Mode's MM1 has an SA only
  test("Aggressive Mode from the first message's payloads when the packet and state lines are cut off", () => {
    const lines = ['SA', 'KE', 'NONCE', 'ID'].map((p, i) => `*Mar  1 00:55:40.77${i}: ISAKMP (0:2): processing ${p} payload. message ID = 0`);
    const a = analyze([{ name: 'am', text: ['*Mar  1 00:55:40.770: ISAKMP (0:2): Checking ISAKMP transform 1 against priority 10 policy', ...lines].join('\n') }]);
    expect(a.negotiations).toHaveLength(1);
    expect(a.negotiations[0]!.phase1.mode).toBe('aggressive');
    expect(a.negotiations[0]!.role).toBe('responder');
    // the same lines without KE and NONCE are no mode's evidence
    const mm = analyze([{ name: 'mm', text: [lines[0], lines[3]].join('\n') }]);
    expect(mm.negotiations.map((n) => n.phase1.mode)).not.toContain('aggressive');
  });

  // hand-written: an operator's session as IOS echoes it (typos, the CLI's answers, config typed at prompts, a
  // ping, keystrokes that look like debug words); no excerpt of one without debug output is in the fixtures yet
  test('keystrokes, prompts and the CLI’s answers make no negotiation and no unrecognized line', () => {
    const text = [
      'R1#debug crypto isakmp',
      'Crypto ISAKMP debugging is on',
      'R1#debg crypto ipsc',
      '        ^',
      "% Invalid input detected at '^' marker.",
      'R1(config)#crypto isakmp key cisco123 address 10.1.1.2',
      'R1(config)#crypto map CMAP 10 ipsec-isakmp',
      '% NOTE: This new crypto map will remain disabled until a peer',
      '        and a valid access list have been configured.',
      'R1(config-crypto-map)# set peer 10.1.1.2',
      'R1#clear crypto sa peer 10.1.1.2',
      'R1#ping 10.2.2.2 source lo0 repeat 3',
      '...',
      'Success rate is 0 percent (0/3)',
      'R1#ISAKMP crypto ISAKMP',
    ].join('\n');
    const a = analyze([{ name: 'keys', text }]);
    expect(a.negotiations).toEqual([]);
    expect(a.input.unrecognized).toEqual([]);
  });

  // hand-written: an empty `show crypto isakmp sa` (no SA with any peer), as IOS prints it; no excerpt has one yet
  test('an empty show output lists no negotiation and gives no finding', () => {
    const a = analyze([{ name: 'empty', text: 'R1#show crypto isakmp sa\nIPv4 Crypto ISAKMP SA\ndst             src             state          conn-id status\n\nIPv6 Crypto ISAKMP SA\n' }]);
    expect(a.negotiations).toEqual([]);
    expect(a.input.unrecognized).toEqual([]);
  });
});
