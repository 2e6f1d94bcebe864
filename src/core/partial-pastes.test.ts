/**
 * Real excerpts as engineers paste them (fixtures/partial/, each with its source): a phase 2 without its phase 1,
 * show output alone, lines around which a paste puts other things. What each must give, read from the excerpt,
 * and a golden JSON per file (UPDATE_GOLDENS=1 writes them, then review the diff).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Analysis } from './analysis.ts';
import { analysisJson, analysisJsonText } from './analysis-json.ts';
import { summarizeAnalysis } from './summary/summary.ts';
import { analyze } from './analyze.ts';
import { LINE_KIND_CODE } from './ike/line-kinds.ts';
import { annotationOf, timeOf } from './log/record-table.ts';
import { lineInfo } from './line-info.ts';
import { textReport } from './report/text.ts';
import { analysisInputFacts, answerInput } from './input-answer.ts';

const dir = new URL('../../fixtures/partial/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.log')).sort();
const run = (name: string): Analysis => analyze([{ name, text: readFileSync(new URL(name, dir), 'utf8') }]);
/** The numbers of the excerpt's lines that hold `text`, read from the file. */
const linesWith = (name: string, text: string): number[] =>
  readFileSync(new URL(name, dir), 'utf8')
    .split('\n')
    .flatMap((l, i) => (l.indexOf(text) >= 0 ? [i + 1] : []));
/** The same, below the `# source:` and `# scenario:` lines, which may quote the excerpt. */
const bodyLinesWith = (name: string, text: string): number[] => linesWith(name, text).filter((l) => l > 2);
const findingLines = (n: Analysis['negotiations'][number], code: string): number[] | undefined => n.findings.find((f) => f.code === code)?.lines.map((l) => l.line);

/** The words said of the record the line belongs to. */
const wordsOf = (a: Analysis, line: number): string | null => annotationOf(a.records, a.lineTables[0]!.records[line - 1]!);

const expectations: Record<string, (a: Analysis) => void> = {
  'asa-show-ipsec-sa-detail-vti-ikev2-nat-t-encaps-azure-guide.log': (a) => {
    // the SAs' settings say IKEv2 made them: an IKEv2 negotiation whose child SA they are, not an IKEv1 phase 2
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ ikeVersion: 2, local: '123.121.211.229', peer: '139.219.100.216', role: 'unknown', phase2: [] });
    // the IKE SA is no line of the paste: complete, implied by the child SA it made
    expect(n.ikeSa).toMatchObject({ spis: null, outcome: 'complete', implied: true });
    expect(n.childSas?.map((c) => [c.outcome, c.transform, c.spis])).toEqual([['complete', 'esp-aes-256 esp-sha-256-hmac', { inbound: '0x8D2C8231', outbound: '0xEA8A498E' }]]);
    // `NAT-T-Encaps`: ESP in UDP, said as IKEv2's NAT-T finding
    const nat = n.findings.find((f) => f.code === 'NAT_T');
    expect(nat?.summary).toMatch(/^NAT-T: show crypto ipsec sa lists the child SA's ESP carried in UDP \(NAT-T-Encaps\)/);
    // the text report says what implies the IKE SA: the child SA listed, no show output listing the IKE SA itself
    const text = textReport(a, false, null);
    expect(text).toContain('IKE SA (IKEv2): complete (implied: show output lists its child SA)\n');
    expect(text).not.toContain('show output lists it up');
  },
  'asa-show-isakmp-sa-ikev1-blocks-two-l2l-initiator-mm-active-guide.log': (a) => {
    // the ASA's blocks, not IOS's table: each `IKE Peer:` an SA, its Role line this ASA's role, MM_ACTIVE Main Mode done
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations.map((n) => [n.peer, n.role, n.phase1.mode, n.phase1.outcome])).toEqual([
      ['214.5.14.61', 'initiator', 'main', 'complete'],
      ['78.110.205.13', 'initiator', 'main', 'complete'],
    ]);
    const file = 'asa-show-isakmp-sa-ikev1-blocks-two-l2l-initiator-mm-active-guide.log';
    for (const text of ['IKEv1 SAs:', 'Active SA: 2', 'Total IKE SA: 2', 'There are no IKEv2 SAs', 'Role    : initiator', 'State   : MM_ACTIVE']) {
      for (const l of bodyLinesWith(file, text)) expect(a.lineTables[0]!.kinds[l - 1]).toBe(LINE_KIND_CODE.show);
    }
    expect(wordsOf(a, bodyLinesWith(file, 'State   : MM_ACTIVE')[0]!)).toBe('ISAKMP SA state MM_ACTIVE: Main Mode done, phase 1 is up.');
  },
  'asa-show-crypto-ikev1-sa-responder-mm-active-list-indented-fortigate-lab.log': (a) => {
    // indented by the notes' list item, trailing spaces kept: the same blocks; this ASA the responder
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations.map((n) => [n.peer, n.role, n.routers.responder.name, n.phase1.mode, n.phase1.outcome])).toEqual([['202.106.1.1', 'responder', 'ciscoasa', 'main', 'complete']]);
  },
  'asa-show-crypto-ipsec-sa-ra-and-two-l2l-nat-t-ntc-templates.log': (a) => {
    // the ASA's forms: `local addr: A`, `spi: 0x32F752FF (855069439)`, `SA State: active`, `… no compression`,
    // `NAT-T-Encaps`: each SA pair listed is a phase 2 up with this router's address, its SPIs, transforms and mode
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations.map((n) => [n.local, n.peer, n.phase2.map((p) => [p.outcome, p.transform, p.encapsulation, p.spis])])).toEqual([
      ['10.132.0.17', '172.20.0.21', [['complete', 'esp-3des esp-md5-hmac', 'tunnel', { inbound: '0x1E8246FC', outbound: '0xDC15BF68' }]]],
      ['172.16.248.119', '8.8.8.8', [['complete', 'esp-aes-256 esp-md5-hmac', 'tunnel-udp', { inbound: '0x32F752FF', outbound: '0x50023DDC' }]]],
      ['172.20.248.119', '8.8.4.4', [['complete', 'esp-aes-256 esp-md5-hmac', 'tunnel', { inbound: '0x6A7391E0', outbound: '0xEA40155F' }]]],
    ]);
    // the SAs `SA State: active` lists: the third pair passed no packet, yet its SAs are up
    expect(a.negotiations[2]!.phase2[0]!.sas.map((x) => x.status)).toEqual(['ACTIVE', 'ACTIVE']);
    // ESP in UDP (`NAT-T-Encaps`), said as the ASA prints it
    const nat = a.negotiations[1]!.findings.find((f) => f.code === 'NAT_T');
    expect(nat?.summary).toContain('(NAT-T-Encaps)');
    expect(a.negotiations.map((n) => n.findings.some((f) => f.code === 'NAT_T'))).toEqual([false, true, false]);
    // an ASA's SAs (`{RA, Tunnel, }`, `{L2L, Tunnel, }`): weak, said without an IOS-XE release or its field notice
    const weak = a.negotiations.map((n) => n.findings.find((f) => f.code === 'WEAK_CRYPTO'));
    expect(weak.map((f) => f?.summary)).toEqual([
      'Show output lists SAs that use esp-3des, esp-md5-hmac: weak algorithms, below current guidance (AES-256, SHA-256, DH group 14 or an elliptic curve group).',
      'Show output lists SAs that use esp-md5-hmac: weak algorithms, below current guidance (AES-256, SHA-256, DH group 14 or an elliptic curve group).',
      'Show output lists SAs that use esp-md5-hmac: weak algorithms, below current guidance (AES-256, SHA-256, DH group 14 or an elliptic curve group).',
    ]);
    for (const f of weak) expect(f?.fix).toContain('crypto ipsec ikev1 transform-set');
  },
  'asa-show-crypto-ipsec-sa-two-pairs-no-peer-line-unindented-community.log': (a) => {
    const file = 'asa-show-crypto-ipsec-sa-two-pairs-no-peer-line-unindented-community.log';
    expect(a.input.unrecognized).toEqual([]);
    // no line names the peer: no negotiation is made up
    expect(a.negotiations).toEqual([]);
    // every line of the ASA's output is read, in its words: the SAs, the bitmap under its heading, the ACL entry
    const [spi] = bodyLinesWith(file, 'spi: 0xE1A215FB (3785496059)');
    expect(wordsOf(a, spi!)).toBe('Inbound SA 0xE1A215FB.');
    expect(wordsOf(a, bodyLinesWith(file, '0xFFFFFFFF 0xFFFFFFFF')[0]!)).toMatch(/^The anti-replay bitmap/);
    expect(wordsOf(a, bodyLinesWith(file, 'access-list outside_1_cryptomap')[0]!)).toBe('The crypto ACL entry whose traffic these SAs protect.');
    expect(wordsOf(a, bodyLinesWith(file, 'transform: esp-3des esp-sha-hmac no compression')[0]!)).toBe('The transforms of this SA: esp-3des esp-sha-hmac.');
  },
  'asa-750003-auth-timer-expired-broken-after-ends-forum.log': (a) => {
    // the message's text on the line after its ends is its rest: one record, said in the words of the IKEv2 error it quotes
    expect(a.input.unrecognized).toEqual([]);
    expect(a.lineTables[0]!.kinds[3]).toBe(LINE_KIND_CODE.continuation);
    expect(wordsOf(a, 3)).toBe('IKEv2 negotiation aborted (this side 9.8.7.6:500, the peer 2.3.4.5:500): IKE_AUTH never came: the responder gives up.');
    // one line of a negotiation is no negotiation: a stray event of that peer
    expect(a.negotiations).toEqual([]);
    expect(a.events.map((e) => [e.event, e.peer, e.lines.map((l) => l.line)])).toEqual([['%ASA-4-750003', '2.3.4.5', [3]]]);
  },
  'flexvpn-hub-ike-auth-cfg-author-bullet-notes-blog.log': (a) => {
    // the author's bullet under the packet block, indented like its payload line, is prose: the block ends at its payload list
    const file = 'flexvpn-hub-ike-auth-cfg-author-bullet-notes-blog.log';
    const [received] = bodyLinesWith(file, 'Received Packet');
    const [note] = bodyLinesWith(file, '• CFG_Req includes');
    expect(a.lineTables[0]!.kinds[note! - 1]).toBe(LINE_KIND_CODE.prose);
    for (const l of bodyLinesWith(file, '  • ')) expect(a.lineTables[0]!.kinds[l - 1]).toBe(LINE_KIND_CODE.prose);
    expect(a.input.unrecognized).toEqual([]);
    // the hub received the spoke's IKE_AUTH request: its responder, the request's lines the block's five
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'responder', peer: '10.150.3.1', local: '10.150.1.1' });
    expect(n.ikeSa?.messages.map((m) => [m.name, m.response, m.lines.map((l) => l.line)])).toEqual([['IKE_AUTH', false, [0, 1, 2, 3, 4].map((i) => received! + i)]]);
    expect(n.ikeSa?.messages[0]!.payloads).toContain('CFG');
  },
  'iosxe-platform-cpp-cp-ipsec-replay-error-masked-addresses-blog.log': (a) => {
    // the platform message is read by the IPsec message it carries: an anti-replay drop of the SA it names
    expect(a.input.unrecognized).toEqual([]);
    expect(a.lineTables[0]!.kinds[2]).toBe(LINE_KIND_CODE.debug);
    expect(wordsOf(a, 3)).toMatch(/^An ESP packet failed the anti-replay check and was dropped \(inbound SA 0x3caaaeb7\): /);
    // its addresses are the author's masks: no peer, so no negotiation and no event of a peer
    expect(a.negotiations).toEqual([]);
    expect(a.events).toEqual([]);
  },
  'iosxe17-ikev2-internal-sm-trace-nat-inside-retransmit-report-examples.log': (a) => {
    // IOS-XE 17's IKEv2-INTERNAL lines, stamps with year and zone: every line read, one IKEv2 SA per SPI pair, this
    // router the initiator of each (SM Trace's (I)); the third's EV_FAIL says it failed, nothing how the others ended
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations.map((n) => [n.ikeVersion, n.role, n.ikeSa?.spis?.initiator, n.ikeSa?.outcome])).toEqual([
      [2, 'initiator', '112AD55D6FE6B89B', 'incomplete'],
      [2, 'initiator', 'C571EF343834DF4F', 'incomplete'],
      [2, 'initiator', '7B13CAD468D71308', 'failed'],
    ]);
    // the NAT detection lines join the SA their SA ID names (4), and say this router is behind the NAT
    const nat = a.negotiations[1]!;
    const file = 'iosxe17-ikev2-internal-sm-trace-nat-inside-retransmit-report-examples.log';
    expect(nat.findings.map((f) => [f.code, f.lines.map((l) => l.line)])).toEqual([['NAT_T', [...bodyLinesWith(file, 'Local address not matched'), ...bodyLinesWith(file, 'Host is located NAT inside')]]]);
    expect(bodyLinesWith(file, 'Host is located NAT inside')).toHaveLength(1);
  },
  'asa-750003-no-ipsec-policy-for-ts-syslog-parser-test.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    expect(wordsOf(a, 3)).toBe("IKEv2 negotiation aborted (this side 2.2.2.2:500, the peer HOSTNAME:500, user or tunnel group User1): No IPsec policy (crypto map entry) matches the traffic selectors the peer proposed: the two sides' crypto ACLs (proxy identities) differ.");
    expect(a.negotiations).toEqual([]);
    expect(a.events.map((e) => [e.event, e.peer])).toEqual([['%ASA-4-750003', 'HOSTNAME']]);
  },
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
  'pki-enroll-crypto-pki-fingerprint-otus-lab.log': (a) => {
    // an enrollment: the CLI's `%` lines are its dialogue, not syslog; the CRYPTO_PKI and %PKI lines are read
    expect(a.input.unrecognized).toEqual([]);
    const kinds = a.lineTables[0]!.kinds;
    // line 4 (`%` alone) and line 18 (`% Certificate request sent ...`) are prose; lines 20-22 debug and syslog
    expect([kinds[3], kinds[17]]).toEqual([4, 4]);
    expect([kinds[19], kinds[20], kinds[21]]).toEqual([0, 0, 0]);
    // no IKE exchange: no negotiation
    expect(a.negotiations).toEqual([]);
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
  'dmvpn-detail-crypto-session-active-inactive-ikev1-sa-blog.log': (a) => {
    // `show dmvpn detail` prints its tables unindented; its Crypto Session Details are read as show crypto session's
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ local: '1.1.1.1', peer: '6.6.6.6', role: 'unknown' });
    // `IKEv1 SA: ... Active` and `Active SAs: 2`: both phases up; no line shows the mode. The `Inactive` row of the
    // same peer (the SA a rekey left, lifetime 0) is no second negotiation
    expect(n.phase1).toMatchObject({ mode: null, outcome: 'complete', implied: true, messages: [] });
    expect(n.phase2.map((p) => p.outcome)).toEqual(['complete']);
    // `Outbound SPI : 0x47C7658D, transform : esp-aes esp-sha-hmac`: the outbound SA and the phase 2's transforms;
    // no inbound SPI is printed, so no pair, and no mode or PFS group is said
    const spiLine = linesWith('dmvpn-detail-crypto-session-active-inactive-ikev1-sa-blog.log', 'Outbound SPI : 0x47C7658D')[0];
    expect(n.phase2[0]!.sas.map((s) => [s.direction, s.spi, s.transform, s.line.line])).toEqual([['outbound', '0x47C7658D', 'esp-aes esp-sha-hmac', spiLine]]);
    expect(n.phase2[0]).toMatchObject({ transform: 'esp-aes esp-sha-hmac', encapsulation: null, pfsGroup: null, spis: null });
    expect(n.findings).toEqual([]);
  },
  'error-32-two-lines-hub-blog.log': (a) => {
    // two ISAKMP-ERROR lines of the hub: its refusal of spoke2's Quick Mode, nothing else of the exchange
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    // `(local 203.0.113.1 remote 203.0.113.30)`: the hub is the router that printed it
    expect(n).toMatchObject({ local: '203.0.113.1', peer: '203.0.113.30' });
    // a Quick Mode refused proves phase 1 was up; no line shows its mode or the Quick Mode's message ID
    expect(n.phase1).toMatchObject({ mode: null, outcome: 'complete', implied: true, messages: [] });
    expect(n.phase2.map((p) => p.outcome)).toEqual(['failed']);
    // error 32: proxy identities (no crypto map entry for that spoke's networks), refused by the hub that printed it
    expect(n.findings.map((f) => f.code)).toEqual(['P2_PROXY_MISMATCH']);
    expect(n.findings[0]!.summary).toMatch(/^203\.0\.113\.1 refused/);
  },
  'ipsec-sa-lines-selector-mismatch-no-command-lab.log': (a) => {
    // `show crypto ipsec sa` lines without the command: read as its output by their own words
    expect(a.input.unrecognized).toEqual([]);
    expect(Array.from(a.lineTables[0]!.kinds.slice(2, 10))).toEqual([3, 3, 3, 3, 3, 3, 3, 3]);
    // a flow with no SA (`current outbound spi: 0x0(0)`): nothing negotiated is listed, no finding is invented
    expect(a.negotiations).toEqual([]);
  },
  'ipsec-sa-request-create-sa-tab-indented-ko-book.log': (a) => {
    // `key=value` without a space, tab indentation: the SA request for R4 and one SA created, read
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    // OUTBOUND sa_request: R2 asks for the SAs, the Quick Mode's initiator
    expect(n).toMatchObject({ role: 'initiator', local: '1.1.23.2', peer: '1.1.34.4' });
    expect(n.phase1).toMatchObject({ mode: null, outcome: 'complete', implied: true, messages: [] });
    // one SA created of the pair, the rest elided: the Quick Mode is not shown complete
    expect(n.phase2.map((p) => [p.outcome, p.transform])).toEqual([['incomplete', 'esp-aes esp-md5-hmac']]);
    expect(n.findings.filter((f) => f.severity === 'error')).toEqual([]);
  },
  'isakmp-three-lines-numbered-notes-cut-word-ko-book.log': (a) => {
    // the author's (1)..(3) after the lines; the fragment `OMPLETE` is no IKE line
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'initiator', peer: '1.1.34.4' });
    // `beginning Main Mode exchange` shows the mode; a Quick Mode begun on conn-id 1008 shows phase 1 done
    expect(n.phase1).toMatchObject({ mode: 'main', outcome: 'complete' });
    // the Quick Mode (M-ID -1458007633) begins and the excerpt ends: incomplete, no message of it printed
    expect(n.phase2.map((p) => [p.messageId, p.outcome])).toEqual([[2836959663, 'incomplete']]);
    expect(n.findings.filter((f) => f.severity === 'error')).toEqual([]);
  },
  'nat-t-responder-from-mm5-port-floating-notes.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'responder', local: '61.128.1.1', peer: '103.1.1.1' });
    // the excerpt starts at MM5 in MM_KEY_EXCH: Main Mode by its state names, MM1-MM4 before the cut
    expect(n.phase1).toMatchObject({ mode: 'main', outcome: 'complete' });
    expect(n.phase1.messages.map((m) => m.name)).toEqual(['MM5', 'MM6']);
    // MM5 and MM6 on UDP 4500 from the peer's port 4501: the NAT rewrote it
    expect(n.phase1.messages.map((m) => m.ports)).toEqual([{ local: 4500, peer: 4501 }, { local: 4500, peer: 4501 }]);
    expect(n.phase2.map((p) => [p.messageId, p.outcome, p.transform, p.encapsulation])).toEqual([[1416806668, 'complete', 'esp-3des esp-sha-hmac', 'tunnel-udp']]);
    expect(n.phase2[0]!.messages.map((m) => m.name)).toEqual(['QM1', 'QM2', 'QM3']);
    const codes = n.findings.map((f) => f.code);
    expect(codes).toContain('NAT_T');
    // a success: no error finding (3DES is only a warning)
    expect(n.findings.filter((f) => f.severity === 'error')).toEqual([]);
  },
  'p1-policy-mismatch-refusal-pairs-study-notes.log': (a) => {
    // four refusals, one per attribute, each the mismatch line and the refusal; `<ip>` masks both ends
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toHaveLength(4);
    for (const n of a.negotiations) {
      // the mask printed for both ends names the peer at most, never the router itself
      expect(n.local).not.toBe('<ip>');
      expect(n.phase1).toMatchObject({ mode: null, outcome: 'failed', messages: [] });
      expect(n.findings.map((f) => [f.code, f.severity])).toEqual([['P1_POLICY_MISMATCH', 'error']]);
    }
    // each refusal is told by the attribute its own mismatch line names
    expect(a.negotiations.map((n) => /the (.+?) matched none/.exec(n.findings[0]!.summary)?.[1])).toEqual(['encryption', 'AES key length', 'hash', 'DH group']);
  },
  'p2-transform-refused-error-256-study-notes.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n.phase1).toMatchObject({ mode: null, outcome: 'complete', implied: true });
    expect(n.phase2.map((p) => p.outcome)).toEqual(['failed']);
    const f = n.findings.find((x) => x.code === 'P2_TRANSFORM_MISMATCH');
    // the transform set it refused, as the line names it, refused by the router that printed the lines
    expect(f?.summary).toMatch(/^This router refused the Quick Mode transforms \(esp-des esp-sha-hmac\)/);
    expect(n.findings.map((x) => x.code)).not.toContain('P2_PROXY_MISMATCH');
  },
  'pfs-mismatch-qm-refused-peer-delete-initiator-blog.log': (a) => {
    // the stray dot in `Old State = .IKE_I_MM2`, `received payload type 17` and the responder lifetime lines are read
    expect(a.input.unrecognized).toEqual([]);
    // the negotiation the peer refused and deleted, then the new Main Mode that starts after it
    expect(a.negotiations).toHaveLength(2);
    const [n, again] = a.negotiations as [Analysis['negotiations'][number], Analysis['negotiations'][number]];
    expect(n).toMatchObject({ role: 'initiator', local: '122.122.122.122', peer: '77.77.77.77' });
    expect(n.phase1).toMatchObject({ mode: 'main', outcome: 'complete' });
    // the author left out MM1's and MM2's packet lines; the RESPONDER_LIFETIME notify printed in MM_KEY_EXCH is an
    // informational exchange (node 1201896175), not a second MM6
    expect(n.phase1.messages.map((m) => m.name)).toEqual(['MM3', 'MM4', 'MM5', 'MM6']);
    expect(n.phase1.messages.every((m) => !m.retransmission)).toBe(true);
    // the Quick Mode (M-ID -889293300) is refused with PROPOSAL_NOT_CHOSEN, then the peer deletes the SA
    expect(n.phase2.map((p) => [p.messageId, p.outcome])).toEqual([[3405673996, 'failed']]);
    const codes = n.findings.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['P2_REJECTED_BY_PEER', 'SA_DELETED_BY_PEER', 'LIFETIME_ADJUSTED']));
    // the first policy refused on its encryption and the second accepted: harmless, told as info
    expect(n.findings.find((f) => f.code === 'P1_POLICY_MISMATCH')?.severity).toBe('info');
    // the initiator's log cannot tell PFS from the other reasons a responder refuses a Quick Mode: it is not claimed
    expect(codes).not.toContain('P2_PFS_MISMATCH');
    // after the peer's DELETE (line 139) the router deletes its own ISAKMP SA: the packet it sends as
    // IKE_PHASE1_DEL comes (line 149, no payload printed) is its DELETE notify
    expect(n.informational.map((m) => [m.name, m.dir, m.lines[0]?.line])).toEqual([
      ['NOTIFY', 'in', 106],
      ['NOTIFY', 'in', 131],
      ['DELETE', 'in', 139],
      ['DELETE', 'out', 149],
    ]);
    expect(again).toMatchObject({ role: 'initiator', peer: '77.77.77.77' });
    expect(again.phase1).toMatchObject({ mode: 'main', outcome: 'incomplete' });
    expect(again.phase1.messages.map((m) => m.name)).toEqual(['MM1', 'MM2']);
  },
  'ping-show-isakmp-slot-ipsec-sa-counters-es-lab.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    // the block's `local addr 10.1.1.2` is the row's src: the router began the SA
    expect(n).toMatchObject({ local: '10.1.1.2', peer: '192.168.1.2', role: 'initiator' });
    expect(n.phase1).toMatchObject({ mode: null, outcome: 'complete', implied: true });
    // 19 packets encrypted and 19 decrypted with this peer: an SA pair carried traffic, its Quick Mode completed,
    // though the cut shows no SPI
    expect(n.phase2.map((p) => [p.outcome, p.spis])).toEqual([['complete', null]]);
    expect(n.findings).toEqual([]);
  },
  'pkt-replay-err-sequence-number-0-blank-line-forum.log': (a) => {
    // the connection id and sequence number after the blank line are the message's own line: one record
    expect(a.input.unrecognized).toEqual([]);
    expect(a.lineTables[0]!.kinds[4]).toBe(LINE_KIND_CODE.continuation);
    expect(a.lineTables[0]!.records[4]).toBe(a.lineTables[0]!.records[2]);
    expect(wordsOf(a, 3)).toMatch(/^An ESP packet failed the anti-replay check and was dropped \(connection id 3, sequence number 0\): .* A sequence number of 0 is none a sender uses/);
    expect(a.negotiations).toEqual([]);
  },
  'pkt-replay-err-stamp-cut-to-utc-zone-connection-id-indented-forum.log': (a) => {
    // `UTC: ` is what the forum left of the stamp: the message after it is read, with its indented line, no time
    expect(a.input.unrecognized).toEqual([]);
    expect(a.lineTables[0]!.kinds[3]).toBe(LINE_KIND_CODE.continuation);
    expect(a.lineTables[0]!.records[3]).toBe(a.lineTables[0]!.records[2]);
    expect(wordsOf(a, 3)).toMatch(/^An ESP packet failed the anti-replay check and was dropped \(connection id 311, sequence number 0\)/);
    expect(timeOf(a.records, a.lineTables[0]!.records[2]!)).toBeNull();
    expect(a.negotiations).toEqual([]);
  },
  'proxy-identities-not-supported-study-notes.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n.phase1).toMatchObject({ mode: null, outcome: 'complete', implied: true });
    expect(n.phase2.map((p) => p.outcome)).toEqual(['failed']);
    expect(n.findings.map((f) => f.code)).toEqual(['P2_PROXY_MISMATCH']);
    expect(n.findings[0]!.summary).toMatch(/^This router refused/);
  },
  'qm-refused-ios122-markdown-bold-racoon-blog.log': (a) => {
    // 12.2 without FSM lines, a line of two spaces between each line, one line in Markdown bold with escaped `\_`
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    // no packet line and no address: the role is not shown, the Quick Mode refused implies phase 1 was up
    expect(n.role).toBe('unknown');
    expect(n.phase1).toMatchObject({ mode: null, outcome: 'complete', implied: true, messages: [] });
    expect(n.phase2.map((p) => p.outcome)).toEqual(['failed']);
    // `IPSEC(vaidate_proposal): transform proposal (prot 3, trans 3, hmac_alg 2) not supported`: a transform refusal
    const f = n.findings.find((x) => x.code === 'P2_TRANSFORM_MISMATCH');
    // by the router that printed it (the offer's responder), with the offer as its lines give it (`encaps is 1`: Tunnel)
    expect(f?.summary).toMatch(/^This router refused the Quick Mode transforms \(esp-3des esp-sha-hmac, Tunnel\)/);
    expect(n.findings.map((x) => x.code)).not.toContain('P2_REJECTED_BY_PEER');
    // 12.2 prints `atts not acceptable. Next payload is 0` after `Checking IPSec proposal 1` too: the Quick Mode's
    // refusal, not a phase 1 policy's
    expect(n.findings.map((x) => x.code)).not.toContain('P1_POLICY_MISMATCH');
  },
  'recvd-pkt-inv-spi-empty-field-after-stamp-sd-wan-tac.log': (a) => {
    // the empty field between the stamp and the message is no part of the message: both lines read, with their time
    expect(a.input.unrecognized).toEqual([]);
    expect(wordsOf(a, 3)).toMatch(/^ESP arrived for an SA this side no longer has/);
    expect(wordsOf(a, 4)).toMatch(/^ESP arrived for an SA this side no longer has/);
    expect(timeOf(a.records, a.lineTables[0]!.records[2]!)).toBe((15 * 3600 + 23) * 1000 + 723);
    // two stray error lines: no negotiation made of them
    expect(a.negotiations).toEqual([]);
  },
  'recvd-pkt-inv-spi-broken-indented-address-removed-tac-doc.log': (a) => {
    // the document broke the message at its width: the indented rest holds its fields and is part of it
    expect(a.input.unrecognized).toEqual([]);
    expect(a.lineTables[0]!.kinds[3]).toBe(LINE_KIND_CODE.continuation);
    expect(a.lineTables[0]!.records[3]).toBe(a.lineTables[0]!.records[2]);
    expect(wordsOf(a, 3)).toMatch(/^ESP arrived for an SA this side no longer has/);
    expect(a.negotiations).toEqual([]);
  },
  'recvd-pkt-inv-spi-wrapped-by-mail-archive-masked-nanog.log': (a) => {
    // the archive's wrap: the next line's fields are the message's, so its sender (srcaddr, masked) is read
    const file = 'recvd-pkt-inv-spi-wrapped-by-mail-archive-masked-nanog.log';
    const [rest] = bodyLinesWith(file, 'prot=50, spi=0x9E6D41B7');
    expect(a.lineTables[0]!.kinds[rest! - 1]).toBe(LINE_KIND_CODE.continuation);
    expect(a.lineTables[0]!.records[rest! - 1]).toBe(a.lineTables[0]!.records[rest! - 2]);
    expect(textReport(a, false, null)).toContain('%CRYPTO-4-RECVD_PKT_INV_SPI (peer B.B.B.B), line 3:');
    // once its last field has come, the message takes no more lines
    const [quoted] = bodyLinesWith(file, '%>CRYPTO');
    expect(a.lineTables[0]!.kinds[quoted! - 1]).not.toBe(LINE_KIND_CODE.continuation);
    expect(a.negotiations).toEqual([]);
  },
  'recvd-pkt-not-ipsec-gre-study-notes.log': (a) => {
    // one syslog line with masked addresses: read, and no negotiation made of it
    expect(a.input.unrecognized).toEqual([]);
    expect(a.lineTables[0]!.kinds[2]).toBe(0);
    expect(a.negotiations).toEqual([]);
  },
  'show-isakmp-peers-ko-book.log': (a) => {
    // `show crypto isakmp peers` alone: one peer and the local address as printed; nothing says how far phase 1 got
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations.map((n) => [n.local, n.peer, n.role, n.phase1.outcome])).toEqual([['1.1.32.2', '1.1.34.4', 'unknown', 'not-logged']]);
    expect(a.negotiations[0]!.findings).toEqual([]);
  },
  'show-isakmp-sa-empty-slot-column-ko-book.log': (a) => {
    // the header with a `slot` column and no row: no SA, no negotiation
    expect(a.negotiations).toEqual([]);
    expect(a.input.unrecognized).toEqual([]);
  },
  'show-isakmp-sa-slot-qm-idle-ko-book.log': (a) => {
    // the `slot` column between conn-id and status; QM_IDLE: phase 1 up
    expect(a.input.unrecognized).toEqual([]);
    // one row alone: IOS lists the SA from its initiator (src) to its responder (dst), but which of the two is R2
    // no line says, so neither is R2's own address nor its peer
    expect(a.negotiations.map((n) => [n.local, n.peer, n.role, n.phase1.outcome, n.phase1.implied, n.phase1.mode])).toEqual([['R2', '', 'unknown', 'complete', true, null]]);
    expect(a.negotiations.map((n) => [n.routers.initiator.address, n.routers.responder.address])).toEqual([['1.1.23.2', '1.1.34.4']]);
  },
  'show-isakmp-two-peers-ipsec-sa-of-other-peer-hub-blog.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    // the hub's address is the one both rows share: it is the responder of the first row (dst) and the initiator
    // of the second (src)
    expect(a.negotiations.map((n) => [n.local, n.peer, n.role, n.phase1.outcome, n.phase1.implied])).toEqual([
      ['203.0.113.1', '203.0.113.20', 'responder', 'complete', true],
      ['203.0.113.1', '203.0.113.10', 'initiator', 'complete', true],
    ]);
    // `current outbound spi: 0x0(0)`: the block lists no SA pair, so no phase 2
    expect(a.negotiations.every((n) => n.phase2.length === 0 && n.findings.length === 0)).toBe(true);
  },
  'show-isakmp-sa-empty-then-qm-idle-blog.log': (a) => {
    // the empty output lists nothing; the second lists the phase 1 the ping brought up
    expect(a.negotiations).toHaveLength(1);
    // one row: its ends as it lists them, which one printed it not said
    expect(a.negotiations[0]).toMatchObject({ local: 'spoke1', peer: '', role: 'unknown', findings: [] });
    expect(a.negotiations[0]!.routers).toMatchObject({ initiator: { address: '203.0.113.10' }, responder: { address: '203.0.113.1' } });
    expect(a.negotiations[0]!.phase1).toMatchObject({ mode: null, outcome: 'complete', implied: true });
  },
  'show-crypto-session-detail-three-tunnels-two-down-negotiating-inactive-ikev1-command-outputs.log': (a) => {
    const file = 'show-crypto-session-detail-three-tunnels-two-down-negotiating-inactive-ikev1-command-outputs.log';
    expect(a.input.unrecognized).toEqual([]);
    // one negotiation per session: its IKEv1 SA Inactive (DOWN-NEGOTIATING) is begun and not up, Active is up
    expect(a.negotiations.map((n) => [n.local, n.peer, n.phase1.outcome, n.phase2.map((p) => p.outcome)])).toEqual([
      ['10.175.200.116', '10.161.255.14', 'incomplete', []],
      ['169.0.1.1', '192.168.0.1', 'complete', ['complete']],
      ['10.175.200.116', '10.163.255.14', 'incomplete', []],
    ]);
    // each session's lines from its Interface: line on are its negotiation's, those above its IKEv1 SA line too:
    // the UP-ACTIVE session's uptime is not the down one's, the last session's DOWN-NEGOTIATING not the up one's
    const of = (line: number) => lineInfo(a, { file: 0, line }).negotiation;
    const [t1201, t1101, t2201] = bodyLinesWith(file, 'Interface: Tunnel');
    const [down1, up, down2] = bodyLinesWith(file, 'Session status:');
    expect([t1201, down1].map((l) => of(l!))).toEqual([0, 0]);
    expect([t1101, ...bodyLinesWith(file, 'Uptime:'), up, ...bodyLinesWith(file, 'Phase1_id: SOME_DEVICE')].map((l) => of(l!))).toEqual([1, 1, 1, 1]);
    expect([t2201, down2].map((l) => of(l!))).toEqual([2, 2]);
    expect(wordsOf(a, bodyLinesWith(file, 'remote 10.161.255.14/500 Inactive')[0]!)).toBe('Phase 1 (IKEv1) SA 10.175.200.116 ↔ 10.161.255.14: Inactive, not up.');
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
  'show-ipsec-sa-peer-pfs-transport-dmvpn-hub-blog.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ local: '1.1.1.1', peer: '6.6.6.6' });
    expect(n.phase1).toMatchObject({ mode: null, outcome: 'complete', implied: true });
    // an inbound and an outbound ESP SA listed active: the Quick Mode that made them completed
    expect(n.phase2).toHaveLength(1);
    expect(n.phase2[0]).toMatchObject({ outcome: 'complete', spis: { inbound: '0x80DB5650', outbound: '0x311F0A49' } });
    // 13 packets out, 16 in
    expect(n.phase2[0]!.verification).toMatchObject({ packetsOut: 13, packetsIn: 16 });
    // `transform: esp-aes esp-sha-hmac ,`, `in use settings ={Transport, }` under both SPIs, `PFS (Y/N): Y, DH group: group5`
    expect(n.phase2[0]).toMatchObject({ transform: 'esp-aes esp-sha-hmac', encapsulation: 'transport', pfsGroup: 5 });
    expect(n.phase2[0]!.sas.map((s) => s.transform)).toEqual(['esp-aes esp-sha-hmac', 'esp-aes esp-sha-hmac']);
    // group 5 is weak: WEAK_CRYPTO on the PFS line, told as what the show output lists; port 500 and plain
    // Transport: no NAT-T
    const file = 'show-ipsec-sa-peer-pfs-transport-dmvpn-hub-blog.log';
    expect(n.findings.map((f) => [f.code, f.severity])).toEqual([['WEAK_CRYPTO', 'warning']]);
    expect(findingLines(n, 'WEAK_CRYPTO')).toEqual(linesWith(file, 'PFS (Y/N): Y, DH group: group5'));
    expect(n.findings[0]!.summary).toMatch(/^Show output lists SAs that use PFS group 5: /);
  },
  'show-isakmp-ipsec-sa-nat-t-vti-udp-encaps-ja-notes.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    // one row and one block of the same pair: one negotiation. The row alone cannot tell which address is R1's
    // (the peer initiated: R1 is its dst); the block's `local addr 192.168.0.1` does: R1 is the SA's responder
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ local: '192.168.0.1', peer: '2.0.0.4', role: 'responder' });
    expect(n.phase1).toMatchObject({ mode: null, outcome: 'complete', implied: true });
    expect(n.phase2.map((p) => [p.outcome, p.spis])).toEqual([['complete', { inbound: '0x4D2DA165', outbound: '0x2756FBFC' }]]);
    // IOS-XE's `Status: ACTIVE(ACTIVE)` (the SA's state, the data plane's): both SAs active, traffic both ways
    expect(n.phase2[0]!.verification).toMatchObject({ packetsOut: 5, packetsIn: 5, up: true });
    expect(n.phase2[0]!.sas.map((sa) => sa.status)).toEqual(['ACTIVE', 'ACTIVE']);
    expect(n.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // `transform: esp-3des esp-sha-hmac ,` and `{Tunnel UDP-Encaps, }` under both SPIs; `PFS (Y/N): N`: no group
    expect(n.phase2[0]).toMatchObject({ transform: 'esp-3des esp-sha-hmac', encapsulation: 'tunnel-udp', pfsGroup: null });
    // the peer on port 4500 and the SAs in UDP prove NAT-T: NAT_T, its evidence those show lines, no message named
    const file = 'show-isakmp-ipsec-sa-nat-t-vti-udp-encaps-ja-notes.log';
    const nat = n.findings.find((f) => f.code === 'NAT_T');
    expect(nat?.severity).toBe('info');
    expect(findingLines(n, 'NAT_T')).toEqual([...linesWith(file, 'current_peer 2.0.0.4 port 4500'), ...linesWith(file, 'in use settings ={Tunnel UDP-Encaps, }')]);
    expect(nat?.summary).toContain('show crypto ipsec sa lists the peer on UDP 4500');
    // 3DES in use: WEAK_CRYPTO on the two transform lines
    expect(findingLines(n, 'WEAK_CRYPTO')).toEqual(linesWith(file, 'transform: esp-3des esp-sha-hmac ,'));
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
    // `PFS (Y/N): N`, and the cut before the SPI's transform and settings: nothing more is said, no NAT-T on port 500
    expect(n.phase2[0]).toMatchObject({ transform: null, encapsulation: null, pfsGroup: null });
    expect(n.findings).toEqual([]);
  },
  'show-isakmp-sa-hub-three-spokes-dst-column-blog.log': (a) => {
    // the hub's address is the dst all three rows share: it is local in each, the first row included
    expect(a.input.unrecognized).toEqual([]);
    // IOS lists each SA from its initiator (src) to its responder (dst): each spoke began its SA, the hub answered
    expect(a.negotiations.map((n) => [n.local, n.peer, n.role, n.phase1.outcome])).toEqual([
      ['1.1.1.1', '7.7.7.7', 'responder', 'complete'],
      ['1.1.1.1', '8.8.8.8', 'responder', 'complete'],
      ['1.1.1.1', '6.6.6.6', 'responder', 'complete'],
    ]);
    expect(a.negotiations.every((n) => n.phase1.mode === null && n.phase1.implied === true && n.findings.length === 0)).toBe(true);
  },
  'show-isakmp-sa-mm-key-exch-deleted-rows-psk-mismatch-lab.log': (a) => {
    // four rows of one pair of routers (no header, the author's selection): one negotiation with that peer
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    // both addresses are in every row: which one is the router's no row tells, only the pair is known
    expect([n.local, n.peer]).toEqual(['R1-VPN', '']);
    expect([n.routers.initiator.address, n.routers.responder.address].sort()).toEqual(['192.0.2.1', '198.51.100.2']);
    // MM_* states: Main Mode, still in MM_KEY_EXCH and never QM_IDLE: phase 1 not complete, not shown failed either
    expect(n.phase1).toMatchObject({ mode: 'main', outcome: 'incomplete', messages: [] });
    // `current outbound spi: 0x0(0)`: no phase 2
    expect(n.phase2).toEqual([]);
    // show output alone proves no cause: no finding is invented
    expect(n.findings).toEqual([]);
    // `ACTIVE (deleted)`: the rows IOS is removing are said so, not as active SAs
    const file = 'show-isakmp-sa-mm-key-exch-deleted-rows-psk-mismatch-lab.log';
    for (const l of bodyLinesWith(file, 'ACTIVE (deleted)')) expect(wordsOf(a, l)).toMatch(/in MM_NO_STATE, ACTIVE \(deleted\): IOS is removing it\.$/);
    expect(wordsOf(a, bodyLinesWith(file, 'MM_KEY_EXCH       1004 ACTIVE')[0]!)).toBe('ISAKMP SA 192.0.2.1 → 198.51.100.2 in MM_KEY_EXCH, ACTIVE.');
  },
  'show-isakmp-sa-deleted-row-conn-id-0-runbook.log': (a) => {
    // one row IOS is removing (conn-id 0): said as such; a phase 1 in Main Mode that the row does not say failed
    expect(a.input.unrecognized).toEqual([]);
    expect(wordsOf(a, 5)).toBe('ISAKMP SA 10.1.1.1 → 10.2.2.1 in MM_NO_STATE, ACTIVE (deleted): IOS is removing it.');
    expect(a.negotiations.map((n) => [n.phase1.mode, n.phase1.outcome, n.findings])).toEqual([['main', 'incomplete', []]]);
  },
  'show-isakmp-sa-qm-idle-blog.log': (a) => {
    // two rows, the router's own address (102.1.1.1) in both: two phase 1s up with two peers
    // the router is the src of both rows: it began both SAs
    expect(a.negotiations.map((n) => [n.local, n.peer, n.role, n.phase1.outcome, n.phase1.implied])).toEqual([
      ['102.1.1.1', '103.1.1.1', 'initiator', 'complete', true],
      ['102.1.1.1', '101.1.1.1', 'initiator', 'complete', true],
    ]);
    expect(a.negotiations.every((n) => n.phase1.mode === null && n.phase2.length === 0 && n.findings.length === 0)).toBe(true);
  },
  'show-logging-buffer-pkt-replay-err-connection-id-below-command-outputs.log': (a) => {
    const file = 'show-logging-buffer-pkt-replay-err-connection-id-below-command-outputs.log';
    expect(a.input.unrecognized).toEqual([]);
    // the indented `connection id=29, sequence number=219` is the replay message's own line, not prose
    const [replay] = bodyLinesWith(file, '%CRYPTO-4-PKT_REPLAY_ERR');
    const [below] = bodyLinesWith(file, 'connection id=29');
    expect(below).toBe(replay! + 1);
    expect(a.lineTables[0]!.kinds[below! - 1]).toBe(LINE_KIND_CODE.continuation);
    expect(wordsOf(a, replay!)).toMatch(/^An ESP packet failed the anti-replay check and was dropped \(connection id 29, sequence number 219\): /);
    // the interface's state changes and one drop make no negotiation
    expect(a.negotiations).toEqual([]);
  },
  'show-transform-set-isakmp-sa-tab-indented-lab.log': (a) => {
    // tab-indented show output: the transform sets list no negotiation, the isakmp row one phase 1 up
    expect(a.input.unrecognized).toEqual([]);
    expect(Array.from(a.lineTables[0]!.kinds.slice(2, 12))).toEqual([2, 3, 3, 5, 3, 3, 2, 3, 3, 3]);
    // one row alone: its ends (src the initiator), not which of them printed it
    expect(a.negotiations.map((n) => [n.routers.initiator.address, n.routers.responder.address, n.role, n.phase1.outcome, n.phase1.implied, n.phase2.length, n.findings.length])).toEqual([
      ['23.0.0.2', '13.0.0.1', 'unknown', 'complete', true, 0, 0],
    ]);
  },
  'mm-start-initiator-ios12-no-fsm-crypto-engine-lines-cisco-guide.log': (a) => {
    // IOS 12.x without Old State/New State lines: the packet lines and their states alone tell the messages
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'initiator', local: '10.15.58.10', peer: '10.15.58.38' });
    // "beginning Main Mode exchange"; the paste ends after MM2, before MM3 is sent: incomplete, no transition printed
    expect(n.phase1).toMatchObject({ mode: 'main', outcome: 'incomplete', transitions: [] });
    expect(n.phase1.messages.map((m) => [m.name, m.from])).toEqual([['MM1', 'initiator'], ['MM2', 'responder']]);
    expect(n.phase1.proposal).toMatchObject({ encryption: 'DES-CBC', hash: 'MD5', group: 1, auth: 'pre-share' });
    // the crypto engine's DH lines are MM2's, the last lines of the paste
    const engine = linesWith('mm-start-initiator-ios12-no-fsm-crypto-engine-lines-cisco-guide.log', 'CRYPTO_ENGINE: Dh phase 1');
    expect(engine.every((l) => n.phase1.messages[1]!.lines.some((m) => m.line === l))).toBe(true);
    // IPsec asked for SAs, but no Quick Mode is in the paste: no phase 2, and the guide's transform set mismatch,
    // after the cut, is no finding; DES, MD5 and group 1 are weak
    expect(n.phase2).toEqual([]);
    expect(n.findings.map((f) => [f.code, f.severity])).toEqual([['WEAK_CRYPTO', 'warning']]);
  },
  'mm1-responder-group16-ike-frag-vendor-ids-l2tp-client-issue.log': (a) => {
    // every line is IOS's (the attribute lines of a transform, the lifetime bookkeeping, the vendor IDs read twice)
    expect(a.input.unrecognized).toEqual([]);
    expect(Array.from(a.lineTables[0]!.kinds).filter((k) => k === 0)).toHaveLength(44);
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    // the peer by the address the reporter masked; no line names this router's. The message it reads names two NAT-T
    // versions (RFC 3947, v2): an offer, MM1, so this is the responder; its packet line is before the cut, so no message
    expect(n).toMatchObject({ peer: '185.x.y.113', local: '', role: 'responder' });
    expect(n.phase1).toMatchObject({ mode: null, outcome: 'incomplete', messages: [], transitions: [] });
    expect(n.phase1.proposal).toEqual({ encryption: 'AES-CBC', keyLength: 256, hash: 'SHA512', group: 16, auth: 'pre-share', lifetimeSeconds: 10800 });
    expect(n.phase2).toEqual([]);
    expect(n.findings).toEqual([]);
    const words = (text: string) => a.records.annotations[a.records.annotation[a.records.line.indexOf(bodyLinesWith('mm1-responder-group16-ike-frag-vendor-ids-l2tp-client-issue.log', text)[0]!)] ?? -1];
    expect(words('Support for IKE Fragmentation not enabled')).toBe('The peer offers IKE fragmentation; not enabled here.');
    expect(words('vendor ID is NAT-T RFC 3947')).toBe('The peer supports NAT-T RFC 3947.');
  },
  'sa-request-ping-author-notes-zh-tw-l2l-series.log': (a) => {
    // the operator's commands are prompts; the author's notes in parentheses after the lines are left to them
    expect(a.input.unrecognized).toEqual([]);
    const kinds = a.lineTables[0]!.kinds;
    expect([kinds[2], kinds[4], kinds[6]]).toEqual([2, 2, 2]);
    const request = bodyLinesWith('sa-request-ping-author-notes-zh-tw-l2l-series.log', 'IPSEC(sa_request)')[0]!;
    expect(a.records.annotations[a.records.annotation[a.records.line.indexOf(request)] ?? -1]).toBe(
      'IPsec asks for SAs to 202.100.1.2: proxies 1.1.1.1/255.255.255.255/0/0 ↔ 2.2.2.2/255.255.255.255/0/0.',
    );
    // an SA request alone, cut before its transform, with nothing of ISAKMP: no negotiation is shown, but the
    // request is an event that says IPsec asked for SAs to that peer and that no IKE line follows
    expect(a.negotiations).toEqual([]);
    expect(a.events.map((e) => [e.event, e.peer, e.lines.map((l) => l.line)])).toEqual([['IPSEC(sa_request)', '202.100.1.2', [request]]]);
    const [event] = analysisJson(a).events ?? [];
    expect(event?.meaning).toBe(
      'IPsec asks for SAs to 202.100.1.2: proxies 1.1.1.1/255.255.255.255/0/0 ↔ 2.2.2.2/255.255.255.255/0/0. No IKE line follows in the paste: it does not show IKE negotiating them.',
    );
    expect(summarizeAnalysis(a).strays).toEqual([{ event: 'IPSEC(sa_request)', lines: 1, peers: 1 }]);
  },
  'show-isakmp-ag-init-exch-session-placeholders-vendor-guide.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    const kinds = a.lineTables[0]!.kinds;
    const at = (text: string) => kinds[bodyLinesWith('show-isakmp-ag-init-exch-session-placeholders-vendor-guide.log', text)[0]! - 1];
    // no command and no indentation: the outputs are read from their headings on
    expect([at('IPv4 Crypto ISAKMP SA'), at('AG_INIT_EXCH'), at('Crypto session current status'), at('Session status: DOWN-NEGOTIATING')]).toEqual([3, 3, 3, 3]);
    expect([at('#pkts encaps'), at('transform: esp-null'), at('Status: ACTIVE')]).toEqual([3, 3, 3]);
    // the page's own sentences are prose
    expect(at('[]Use the `show crypto isakmp sa`')).toBe(4);
    // every address is a placeholder: no peer can be told, so no negotiation (and no Aggressive Mode) is invented
    expect(a.negotiations).toEqual([]);
    // the failed-over primary's IKEv1 SA is said as its line says it, Inactive, not as the backup's Active
    const said = (text: string) => wordsOf(a, bodyLinesWith('show-isakmp-ag-init-exch-session-placeholders-vendor-guide.log', text)[0]!);
    expect([said('/500 Active'), said('/500 Inactive')]).toEqual(["The session's IKEv1 SA and its state (Active: up).", "The session's IKEv1 SA and its state (Inactive: not up)."]);
  },
  'mm-qm-initiator-ios12-notion-quote-list-ping-split-timestamp-zh-notes.log': (a) => {
    const f = 'mm-qm-initiator-ios12-notion-quote-list-ping-split-timestamp-zh-notes.log';
    // every line behind `> ` and `- `, a blank quoted line between the parts of a record
    expect(a.input.unrecognized).toEqual([]);
    // the debug lines' negotiation, then the SA pair the show output lists after `clear crypto sa`
    expect(a.negotiations).toHaveLength(2);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'initiator', local: '12.1.1.2', peer: '13.1.1.3' });
    expect(n.phase1).toMatchObject({ mode: 'main', outcome: 'complete' });
    expect(n.phase1.proposal).toMatchObject({ encryption: '3DES-CBC', hash: 'MD5', group: 2, auth: 'pre-share', lifetimeSeconds: 60 });
    expect(n.phase1.messages.map((m) => m.name)).toEqual(['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6']);
    // the ping's answer printed inside MM2's vendor ID line (`- M.!!!!` … `R2#ar 1 00:55:40.971: …`): the line is one record, MM2's
    const split = bodyLinesWith(f, '- M.!!!!')[0]!;
    const rest = bodyLinesWith(f, 'R2#ar 1 00:55:40.971')[0]!;
    expect(a.records.line.indexOf(split)).toBeGreaterThanOrEqual(0);
    expect(n.phase1.messages[1]!.lines.some((l) => l.line === split)).toBe(true);
    // its rest, after the prompt, is a continuation of that record
    expect(a.lineTables[0]!.kinds[rest - 1]).toBe(1);
    expect(n.phase2).toHaveLength(1);
    const p = n.phase2[0]!;
    expect(p).toMatchObject({ outcome: 'complete', transform: 'esp-des esp-sha-hmac', pfsGroup: 1, spis: { inbound: '0x5E39E570', outbound: '0xE06FF44' } });
    // the show output after `clear crypto sa` lists another SA pair: it does not verify this one
    expect(p.verification).toBeNull();
    expect(n.findings.map((x) => [x.code, x.severity])).toEqual([['WEAK_CRYPTO', 'warning'], ['SA_DELETED_BY_PEER', 'info']]);
    // that pair is a negotiation of its own with the same peer: no line of it is debug, its phase 1 is implied,
    // its phase 2 complete by its two SAs and the packets both ways, verified by the output that lists it
    const shown = a.negotiations[1]!;
    expect(shown).toMatchObject({ role: 'unknown', local: '12.1.1.2', peer: '13.1.1.3' });
    expect(shown.phase1).toMatchObject({ outcome: 'complete', implied: true, messages: [] });
    expect(shown.phase2).toHaveLength(1);
    const q = shown.phase2[0]!;
    expect(q).toMatchObject({ outcome: 'complete', transform: 'esp-des esp-sha-hmac', encapsulation: 'tunnel', spis: { inbound: '0xECCDDAEC', outbound: '0x5C587C54' } });
    expect(q.verification).toMatchObject({ packetsOut: 3, packetsIn: 3, up: true, pathMtu: 1500 });
    // the show lines are that negotiation's, not the debug one's
    const spiLine = bodyLinesWith(f, 'spi: 0xECCDDAEC(3972913900)')[0]!;
    const record = a.records.line.indexOf(spiLine);
    expect(a.records.negotiation[record]).toBe(1);
    expect(q.verification!.lines.some((l) => l.line === spiLine)).toBe(true);
    expect(shown.findings.map((x) => x.code)).toEqual(['WEAK_CRYPTO']);
  },
  'show-isakmp-sa-detail-peers-ipsec-sa-branch-notes.log': (a) => {
    const f = 'show-isakmp-sa-detail-peers-ipsec-sa-branch-notes.log';
    expect(a.input.unrecognized).toEqual([]);
    // the detail's legend, heading, row and engine line are its output, not prose
    const kinds = a.lineTables[0]!.kinds;
    for (const text of ['Codes: C - IKE configuration mode', 'renc - RSA encryption', 'C-id  Local', '1001  25.0.0.1', 'Engine-id:Conn-id']) expect(kinds[bodyLinesWith(f, text)[0]! - 1], text).toBe(3);
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    // the detail's Local column, the peers' Local: Branch_B is 25.0.0.1; QM_IDLE with it as dst: the responder
    expect(n).toMatchObject({ local: '25.0.0.1', peer: '15.0.0.1', role: 'responder' });
    expect(n.phase1).toMatchObject({ mode: null, outcome: 'complete', implied: true });
    // the algorithms the detail lists; its lifetime column is the time left, not the policy's lifetime
    expect(n.phase1.proposal).toEqual({ encryption: 'AES-CBC', keyLength: null, hash: 'SHA', group: 5, auth: 'pre-share', lifetimeSeconds: null });
    expect(n.phase2[0]).toMatchObject({ outcome: 'complete', spis: { inbound: '0x18906F9D', outbound: '0x48BAC7D3' } });
    expect(n.phase2[0]!.verification).toMatchObject({ packetsOut: 199, packetsIn: 199, up: true });
    // DH group 5 is weak: the detail row is the evidence
    expect(n.findings.map((x) => x.code)).toEqual(['WEAK_CRYPTO']);
    expect(findingLines(n, 'WEAK_CRYPTO')).toEqual(linesWith(f, '1001  25.0.0.1'));
  },
  'cert-addr-mismatch-syslog-in-traceroute-ipsec-sa-esp-null-otus-lab.log': (a) => {
    const f = 'cert-addr-mismatch-syslog-in-traceroute-ipsec-sa-esp-null-otus-lab.log';
    expect(a.input.unrecognized).toEqual([]);
    // the syslog lines name the peer the show block lists: one negotiation, its lines among its evidence
    expect(a.negotiations).toHaveLength(1);
    expect(a.events).toEqual([]);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ local: '192.168.30.1', peer: '192.168.30.2', role: 'unknown' });
    const syslog = bodyLinesWith(f, '%CRYPTO-6-IKMP_NO_ID_CERT_ADDR_MATCH');
    expect(n.evidence.filter((e) => e.type === 'syslog').map((e) => e.at.line)).toEqual(syslog);
    // what it means, the traceroute's `* ` after the second line left out
    const words = (line: number) => a.records.annotations[a.records.annotation[a.records.line.indexOf(line)] ?? -1];
    for (const l of syslog) expect(words(l)).toBe("The peer's identity (the IPv4 address 192.168.30.2) is not an address its certificate holds, 172.16.5.2: IOS notes it and goes on; putting the address in the certificate's subjectAltName stops the message.");
    // the show output's info lines typed after them do not join them: no negotiation is made of them alone
    expect(n.phase2.map((p) => [p.outcome, p.transform, p.spis])).toEqual([['complete', 'esp-null esp-sha-hmac', { inbound: '0x8C26B0CD', outbound: '0x1E19BF56' }]]);
    expect(n.findings.map((x) => x.code)).toEqual(['WEAK_CRYPTO']);
  },
  'getvpn-group-member-isakmp-detail-ipsec-sa-port-848-course-notes.log': (a) => {
    const f = 'getvpn-group-member-isakmp-detail-ipsec-sa-port-848-course-notes.log';
    expect(a.input.unrecognized).toEqual([]);
    // the key server's ISAKMP SA is the one negotiation; the group's SAs (current-peer 0.0.0.0 port 848) come from
    // it by GDOI, with no peer and no Quick Mode: no negotiation with 0.0.0.0, no phase 2 invented
    expect(a.negotiations.map((n) => [n.local, n.peer])).toEqual([['15.1.1.1', '4.4.4.4']]);
    expect(a.negotiations[0]!.phase2).toEqual([]);
    const words = (line: number) => a.records.annotations[a.records.annotation[a.records.line.indexOf(line)] ?? -1] ?? '';
    for (const l of bodyLinesWith(f, 'current-peer 0.0.0.0 port 848')) expect(words(l)).toContain('GET VPN');
    for (const l of bodyLinesWith(f, 'Group: Demo-GETVPN-Group')) expect(words(l)).toContain('Demo-GETVPN-Group');
  },
  'qm-only-responder-iosxe-pppoe-dialer-install-callback-mkdocs.log': (a) => {
    const f = 'qm-only-responder-iosxe-pppoe-dialer-install-callback-mkdocs.log';
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    // (R) on its packet lines, its own address the SA's destination of the inbound SA
    expect(n).toMatchObject({ role: 'responder', peer: '203.0.113.100', local: '203.0.113.200' });
    // QM_IDLE on the first packet line: phase 1 was up before the paste, in a mode no line shows
    expect(n.phase1).toMatchObject({ mode: null, outcome: 'complete', implied: true, messages: [] });
    expect(n.phase2).toHaveLength(1);
    const p = n.phase2[0]!;
    expect(p).toMatchObject({ messageId: 3329780046, outcome: 'complete', transform: 'esp-aes 256 esp-sha512-hmac', encapsulation: 'tunnel' });
    expect(p.spis).toEqual({ inbound: '0x63A278D7', outbound: '0x731256EB' });
    expect(p.messages.map((m) => m.name)).toEqual(['QM1', 'QM2', 'QM3']);
    // the ISAKMP-ERROR of the peer index list is harmless: no finding
    expect(n.findings).toEqual([]);
    expect(bodyLinesWith(f, 'ISAKMP-ERROR')).toHaveLength(1);
  },
  'show-crypto-map-ipsec-sa-under-wrong-command-spi-0-course-notes.log': (a) => {
    const f = 'show-crypto-map-ipsec-sa-under-wrong-command-spi-0-course-notes.log';
    expect(a.input.unrecognized).toEqual([]);
    // every line of show crypto map is its output, none prose
    const kinds = a.lineTables[0]!.kinds;
    const first = bodyLinesWith(f, 'Crypto Map "Demo-MAP"')[0]!;
    const last = bodyLinesWith(f, 'GigabitEthernet0/2')[0]!;
    for (let l = first; l <= last; l += 1) expect(kinds[l - 1], `line ${l}`).toBe(3);
    // a crypto map is config, and the ipsec block under the mistyped command lists spi 0x0: no SA, no negotiation
    expect(a.negotiations).toEqual([]);
    expect(a.events).toEqual([]);
  },
  'show-crypto-map-dynamic-entries-two-spokes-ko-book.log': (a) => {
    const f = 'show-crypto-map-dynamic-entries-two-spokes-ko-book.log';
    expect(a.input.unrecognized).toEqual([]);
    const kinds = a.lineTables[0]!.kinds;
    // tab-indented lines and the book's `acces-list` too
    for (const text of ['Dynamic map template tag', 'Peer=1.1.34.1', 'acces-list permit gre', '\tPHASE2,', '\t\tFastEthernet0/0.23']) {
      expect(kinds[bodyLinesWith(f, text)[0]! - 1], text).toBe(3);
    }
    // Current peer names the peer an entry uses, not an SA: no negotiation
    expect(a.negotiations).toEqual([]);
  },
  'show-isakmp-om-idle-detail-ipsec-sa-fps-typos-transcribed-course-notes.log': (a) => {
    const f = 'show-isakmp-om-idle-detail-ipsec-sa-fps-typos-transcribed-course-notes.log';
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    // the row lists R1 (the detail's Local) as src: the initiator of the ISAKMP SA
    expect(n).toMatchObject({ local: '15.1.1.1', peer: '25.2.2.2', role: 'initiator' });
    // the typed state OM_IDLE is no state IOS prints: phase 1 is proved by the SA pair carrying packets both ways
    expect(n.phase1).toMatchObject({ mode: null, outcome: 'complete', implied: true });
    expect(n.phase1.proposal).toMatchObject({ encryption: 'AES-CBC', hash: 'SHA256', group: 5, auth: 'pre-share' });
    expect(n.phase2).toHaveLength(1);
    const p = n.phase2[0]!;
    expect(p.outcome).toBe('complete');
    // cut at `inbound esp sas:`: the current outbound SPI is the one SA listed, and it ties the block's counters
    expect(p.sas.map((s) => [s.direction, s.spi])).toEqual([['outbound', '0x71D29954']]);
    expect(p.spis).toBeNull();
    expect(p.verification).toMatchObject({ packetsOut: 35, packetsIn: 10, pathMtu: 1500, up: false });
    expect(p.verification!.lines.map((l) => l.line)).toEqual(expect.arrayContaining([...bodyLinesWith(f, 'current outbound spi'), ...bodyLinesWith(f, '#pkts encaps')]));
    expect(n.findings.map((x) => x.code)).toEqual(['WEAK_CRYPTO']);
  },
  'show-isakmp-sa-detail-nat-cap-ipsec-sa-detail-cut-crypto-map-blog.log': (a) => {
    const f = 'show-isakmp-sa-detail-nat-cap-ipsec-sa-detail-cut-crypto-map-blog.log';
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    // the detail's Local column is R2's; no row or line says which end began the SA
    expect(n).toMatchObject({ local: '2.2.2.2', peer: '1.1.1.1', role: 'unknown' });
    // Status ACTIVE is the table's status column (ACTIVE beside MM_KEY_EXCH too), not a state: how far phase 1
    // went no line says, only the algorithms agreed
    expect(n.phase1).toMatchObject({ mode: null, outcome: 'not-logged', messages: [] });
    expect(n.phase1.proposal).toMatchObject({ encryption: 'AES-CBC', hash: 'SHA384', group: 14, auth: 'pre-share' });
    // the ipsec block is cut before its SPIs: no phase 2 is shown
    expect(n.phase2).toEqual([]);
    // capability N: NAT-T, told by the row itself, and the peer on UDP 4500 of the block cut before its SAs
    expect(n.findings.map((x) => x.code)).toEqual(['NAT_T']);
    expect(findingLines(n, 'NAT_T')).toEqual([...linesWith(f, '1013  2.2.2.2'), ...bodyLinesWith(f, 'current_peer 1.1.1.1 port 4500')]);
    expect(n.findings[0]!.summary).toContain('capability N');
    expect(n.findings[0]!.summary).toContain('the peer on UDP 4500');
  },
  'show-isakmp-sa-detail-two-rsig-rows-dmvpn-hub-otus-lab.log': (a) => {
    const f = 'show-isakmp-sa-detail-two-rsig-rows-dmvpn-hub-otus-lab.log';
    expect(a.input.unrecognized).toEqual([]);
    // the same two rows printed twice: two negotiations, the hub the Local of both
    expect(a.negotiations.map((n) => [n.local, n.peer, n.role])).toEqual([
      ['20.10.20.2', '20.30.10.2', 'unknown'],
      ['20.10.20.2', '20.30.30.2', 'unknown'],
    ]);
    for (const n of a.negotiations) {
      expect(n.phase1).toMatchObject({ mode: null, outcome: 'not-logged' });
      expect(n.phase1.proposal).toMatchObject({ encryption: 'AES-CBC', hash: 'SHA', group: 2, auth: 'rsa-sig' });
    }
    // each engine line is the row's above it, in the second print too (not the last negotiation made)
    const rec = (line: number) => a.records.negotiation[a.records.line.indexOf(line)];
    const engines = bodyLinesWith(f, 'Engine-id:Conn-id');
    expect(engines.map(rec)).toEqual([0, 1, 0, 1]);
    expect(bodyLinesWith(f, '1074  20.10.20.2').map(rec)).toEqual([0, 0]);
    // no capability letter: no NAT-T; DH group 2 is weak
    expect(a.negotiations.map((n) => n.findings.map((x) => x.code))).toEqual([['WEAK_CRYPTO'], ['WEAK_CRYPTO']]);
  },
  'show-ipsec-sa-ios12-current-peer-colon-port-nat-t-zh-lab.log': (a) => {
    const f = 'show-ipsec-sa-ios12-current-peer-colon-port-nat-t-zh-lab.log';
    expect(a.input.unrecognized).toEqual([]);
    // a blank line between every two lines does not end the output; 12.x's `local addr.` and `current_peer: a:port`
    const kinds = a.lineTables[0]!.kinds;
    expect([kinds[bodyLinesWith(f, 'Crypto map tag:')[0]! - 1], kinds[bodyLinesWith(f, 'outbound pcp sas')[0]! - 1]]).toEqual([3, 3]);
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ local: '12.1.1.2', peer: '13.1.1.3', role: 'unknown' });
    expect(n.phase1).toMatchObject({ outcome: 'complete', implied: true, mode: null });
    expect(n.phase2).toHaveLength(1);
    const p = n.phase2[0]!;
    // the outbound SPI printed bare (`56ABE0AE`); UDP-Encaps and port 4500: NAT-T
    expect(p).toMatchObject({ outcome: 'complete', transform: 'esp-des esp-sha-hmac', encapsulation: 'tunnel-udp', spis: { inbound: '0x71A6F86C', outbound: '0x56ABE0AE' } });
    // no Status: line in 12.x; the SAs it lists and 106 packets each way say the tunnel passes traffic
    expect(p.verification).toMatchObject({ packetsOut: 106, packetsIn: 106, up: true });
    expect(n.findings.map((x) => x.code).sort()).toEqual(['NAT_T', 'WEAK_CRYPTO']);
  },
  // The ASA's IKEv1 output: its debug tag, its IKE system messages, a bare `Group = …, IP = …` line. ikescope does
  // not read it as a negotiation, and says so: neither "no IKE found" nor a negotiation made up of it.
  'asa-ikev1-qm-fsm-error-correlator-crypto-map-policy-not-found-de-lab.log': (a) => expectAsaIkev1(a, 'asa-ikev1-qm-fsm-error-correlator-crypto-map-policy-not-found-de-lab.log', 12),
  'asa-ikev1-syslog-phase1-completed-no-crypto-map-entry-for-proxy-aws-blog.log': (a) => {
    const f = 'asa-ikev1-syslog-phase1-completed-no-crypto-map-entry-for-proxy-aws-blog.log';
    // the five IKE messages (713xxx); 113019 is the ASA's session message, said as a system message all the same
    expectAsaIkev1(a, f, 5);
    for (const l of bodyLinesWith(f, '%ASA-')) expect(a.lineTables[0]!.kinds[l - 1]).toBe(LINE_KIND_CODE.debug);
  },
  'asa-ikev1-syslog-ike-decode-resending-invalid-cookie-713904-html-spans-blog.log': (a) => expectAsaIkev1(a, 'asa-ikev1-syslog-ike-decode-resending-invalid-cookie-713904-html-spans-blog.log', 30),
  'asa-ikev1-debug-three-forms-no-crypto-map-proposals-unacceptable-openswan-notes.log': (a) => expectAsaIkev1(a, 'asa-ikev1-debug-three-forms-no-crypto-map-proposals-unacceptable-openswan-notes.log', 4),
  'asa-ikev2-crypto-map-peer-doesnt-match-peer-behind-nat-child-refused-responder-caida.log': (a) => {
    const f = 'asa-ikev2-crypto-map-peer-doesnt-match-peer-behind-nat-child-refused-responder-caida.log';
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations.map((n) => [n.ikeVersion, n.role, n.local, n.peer, n.ikeSa?.outcome, n.childSas?.map((c) => c.outcome)])).toEqual([[2, 'responder', '30.30.30.1', '30.30.30.2', 'complete', ['failed']]]);
    const n = a.negotiations[0]!;
    // the crypto map entry is skipped for its peer, not for its transforms: no transform set mismatch is claimed
    const skipped = bodyLinesWith(f, "peer doesn't match map entry")[0]!;
    expect(wordsOf(a, skipped)).toBe('Crypto map VPN_MAP seq 1 is for another peer: its `set peer` does not name this one, so the entry does not apply.');
    expect(n.findings.map((x) => x.code).sort()).toEqual(['NAT_T', 'P2_PROXY_MISMATCH', 'SA_DELETED_BY_PEER']);
    const proxy = n.findings.find((x) => x.code === 'P2_PROXY_MISMATCH')!;
    expect(findingLines(n, 'P2_PROXY_MISMATCH')).toContain(skipped);
    expect(proxy.summary).toMatch(/^30\.30\.30\.1's crypto map VPN_MAP seq 1 is for another peer \(line \d+\): its `set peer` does not name 30\.30\.30\.2/);
    // the identity the PSK was looked up for is an address the packets do not come from
    expect(proxy.summary).toContain("The peer's identity is the address 20.20.20.1 (line 288), yet its packets come from 30.30.30.2: a NAT in the path translates it (lines ");
    expect(proxy.fix).toContain('`crypto map VPN_MAP 1 set peer 30.30.30.2`');
  },
  'asa-ikev2-auth-response-without-child-sa-then-own-delete-initiator-behind-nat-caida.log': (a) => {
    const f = 'asa-ikev2-auth-response-without-child-sa-then-own-delete-initiator-behind-nat-caida.log';
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations.map((n) => [n.role, n.local, n.peer, n.ikeSa?.outcome])).toEqual([['initiator', '20.20.20.1', '30.30.30.1', 'complete']]);
    const n = a.negotiations[0]!;
    // the state machine took no child SA from the IKE_AUTH response (no EV_PROC_SA_TS): the child SA failed, though
    // the response's notify is not printed; it was said complete
    expect(n.childSas?.map((c) => [c.messageId, c.outcome, c.refusal])).toEqual([[1, 'failed', null]]);
    expect(n.findings.map((x) => x.code).sort()).toEqual(['NAT_T', 'P2_REJECTED_BY_PEER']);
    const rejected = n.findings.find((x) => x.code === 'P2_REJECTED_BY_PEER')!;
    const read = bodyLinesWith(f, 'CurState: AUTH_DONE Event: EV_OK')[0]!;
    // the response's packet line, the state change that read it, the initiator's own delete
    const response = Math.max(...bodyLinesWith(f, 'Received Packet [From').filter((l) => l < bodyLinesWith(f, 'IKE_AUTH Exchange RESPONSE')[0]!));
    expect(rejected.lines.map((l) => l.line)).toEqual([response, read, bodyLinesWith(f, 'Sending DELETE INFO message for IKEv2 SA')[0]]);
    expect(rejected.summary).toContain('this log does not say why the child SA was refused');
    expect(rejected).toMatchObject({ severity: 'error', message: 'IKE_AUTH.response', side: 'responder' });
  },
  'asa-ikev2-initiator-error-notes-no-tunnel-group-no-keys-no-proposal-caida.log': (a) => {
    // the ASA's level-1 errors of an initiator that cannot start, each said for what it is; the authors' tags are prose
    const f = 'asa-ikev2-initiator-error-notes-no-tunnel-group-no-keys-no-proposal-caida.log';
    expect(a.input.unrecognized).toEqual([]);
    const said = (text: string) => wordsOf(a, bodyLinesWith(f, text)[0]!);
    expect(said("Can't find tunnel group for peer 1.1.1.1")).toBe('No tunnel group is configured for this peer: the ASA cannot negotiate with it.');
    expect(said('unable to set self auth method')).toBe('The ASA cannot set its own authentication method for this peer: no tunnel group, or none configured in it.');
    for (const l of bodyLinesWith(f, 'Could not build ikev2 policy')) expect(wordsOf(a, l)).toMatch(/^The IKEv2 policy for this peer could not be built/);
    for (const l of bodyLinesWith(f, 'asa connect start L2L failed')) expect(wordsOf(a, l)).toBe('The LAN-to-LAN connection to this peer is not started.');
    expect(said('Received no proposal chosen notify')).toMatch(/^The peer sent notify NO_PROPOSAL_CHOSEN/);
    for (const l of bodyLinesWith(f, '<Error-')) expect(a.lineTables[0]!.kinds[l - 1]).toBe(LINE_KIND_CODE.prose);
  },
  'asa-ikev2-cert-http-url-lookup-unsupported-auth-exchange-failed-cisco-doc.log': (a) => {
    // the certificate error the document broke over three lines is one message, understood
    const f = 'asa-ikev2-cert-http-url-lookup-unsupported-auth-exchange-failed-cisco-doc.log';
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toEqual([]);
    const cert = bodyLinesWith(f, 'Unsupported cert encoding')[0]!;
    expect(wordsOf(a, cert)).toMatch(/^The peer's certificate came in an encoding this end does not take, or the peer asked for certificates by HTTP URL without announcing HTTP_LOOKUP_SUPPORTED/);
    for (const l of [cert + 1, cert + 2]) expect(a.lineTables[0]!.kinds[l - 1]).toBe(LINE_KIND_CODE.continuation);
  },
  'ikev2-show-sa-wrapped-debug-spaced-session-prefix-show-session-course-notes.log': (a) => {
    const f = 'ikev2-show-sa-wrapped-debug-spaced-session-prefix-show-session-course-notes.log';
    // the algorithms line wrapped after `Hash: SHA512,`: its rest holds the DH group and both methods
    expect(a.negotiations.map((n) => [n.ikeVersion, n.local, n.peer, n.ikeSa?.outcome])).toEqual([[2, '15.1.1.1', '25.2.2.2', 'complete']]);
    expect(a.negotiations[0]!.ikeSa!.shown).toMatchObject({ status: 'READY', encryption: 'AES-CBC', keySize: 256, prf: 'SHA512', integrity: 'SHA512', group: 16, authSign: 'PSK', authVerify: 'PSK' });
    expect(wordsOf(a, bodyLinesWith(f, 'DH Grp: 16, Auth sign: PSK')[0]!)).toBe("The rest of the algorithms line: DH group 16, authenticates with PSK, verifies the peer's PSK.");
    // the author retyped the prefix with a space after its comma, and `SA = 1`: still IKEv2 messages, read
    expect(wordsOf(a, bodyLinesWith(f, "SA ID = 1):Verify peer's policy")[0]!)).toBe("Checking the peer's proposal against the policy found.");
    expect(wordsOf(a, bodyLinesWith(f, 'IKEV2 SA created')[0]!)).toBe('The IKE SA is authenticated and stored.');
    // the author's typo `authenticaton` is no message IOS prints: left not understood
    expect(a.input.unrecognized).toEqual([{ file: 0, line: bodyLinesWith(f, 'authenticaton')[0] }]);
  },
};

/** An ASA's IKEv1 output: no negotiation, every line kept, and the answer naming what it is (`asaLines` of its lines). */
function expectAsaIkev1(a: Analysis, name: string, asaLines: number): void {
  const text = readFileSync(new URL(name, dir), 'utf8');
  expect(a.negotiations).toEqual([]);
  expect(a.input.unrecognized).toEqual([]);
  expect(a.lineTables[0]!.kinds.length).toBe(text.split('\n').length - (text.endsWith('\n') ? 1 : 0));
  const answer = answerInput(analysisInputFacts(a, [text]));
  expect(answer).toEqual({ kind: 'asa-ikev1', lines: asaLines });
  const said = textReport(a, false, [text]).split('\n')[1];
  expect(said).toMatch(/^This is an ASA's IKEv1 output, its debug lines or system messages \(\d+ lines such as /);
  expect(said).toContain('which ikescope does not read as a negotiation');
  // what it does read of an ASA's IKEv1 tunnels (asa-show-isakmp-sa-ikev1-blocks-…, asa-show-crypto-ipsec-sa-…)
  expect(said).toContain('Of an ASA\'s IKEv1 tunnels it reads show crypto isakmp sa (or show crypto ikev1 sa) and show crypto ipsec sa.');
}

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
    // AM1 and AM2 both carry these four, and one transform checked is what the initiator prints reading AM2 too
    expect(a.negotiations[0]!.role).toBe('unknown');
    // the same lines without KE and NONCE are no mode's evidence
    const mm = analyze([{ name: 'mm', text: [lines[0], lines[3]].join('\n') }]);
    expect(mm.negotiations.map((n) => n.phase1.mode)).not.toContain('aggressive');
    // real lines: a responder's MM1 read from its SA payload on, without KE, NONCE or ID (the L2TP client thread's
    // excerpt) is no mode's evidence either
    const real = run('mm1-responder-group16-ike-frag-vendor-ids-l2tp-client-issue.log');
    expect(real.negotiations.map((n) => [n.role, n.phase1.mode])).toEqual([['responder', null]]);
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

  // hand-written: an empty `show crypto isakmp sa` (no SA with any peer) in the form without a slot column; the real
  // excerpt show-isakmp-sa-empty-slot-column-ko-book.log has the form with one
  test('an empty show output lists no negotiation and gives no finding', () => {
    const a = analyze([{ name: 'empty', text: 'R1#show crypto isakmp sa\nIPv4 Crypto ISAKMP SA\ndst             src             state          conn-id status\n\nIPv6 Crypto ISAKMP SA\n' }]);
    expect(a.negotiations).toEqual([]);
    expect(a.input.unrecognized).toEqual([]);
  });
});
