/**
 * The whole pipeline on the seed and every corpus log: what each must give (checked by reading the log),
 * a golden JSON per file (the `analyze --json` contract; UPDATE_GOLDENS=1 writes them, then review the diff), and a property over generated
 * Cisco-like lines and random strings.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Analysis, Negotiation } from './analysis.ts';
import { analysisJsonText } from './analysis-json.ts';
import { analyze, createAnalyzer } from './analyze.ts';
import { splitLines } from './log/lines.ts';
import { recordRows } from './log/record-table.ts';
import { lineInfo } from './line-info.ts';
import { LINE_KIND_CODE } from './ike/line-kinds.ts';

const fixtures = new URL('../../fixtures/', import.meta.url);
const corpus = readdirSync(new URL('corpus/', fixtures)).filter((f) => f.endsWith('.log')).sort();
const SEED = 'seed/ios-ikev1-main-mode-debugs.txt';

function read(path: string): string {
  return readFileSync(new URL(path, fixtures), 'utf8');
}

function run(path: string): Analysis {
  return analyze([{ name: path, text: read(path) }]);
}

const names = (n: Negotiation, phase = 1, i = 0): string[] =>
  (phase === 1 ? n.phase1.messages : (n.phase2[i]?.messages ?? [])).map((m) => m.name);
/** IKEv2 messages as the ladder names them, with their message IDs. */
const v2 = (n: Negotiation): string[] => (n.ikeSa?.messages ?? []).map((m) => `${m.name}${m.response ? '.response' : ''} ${m.messageId}`);
const MM = ['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6'];
const QM = ['QM1', 'QM2', 'QM3'];

/** What reading each log says must come out. */
const expectations: Record<string, (a: Analysis) => void> = {
  [SEED]: (a) => {
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'both', local: '2001:DB8::2', peer: '2001:DB8::3', ikeVersion: 1 });
    expect(n.routers.initiator).toMatchObject({ name: 'R2', address: '2001:DB8::2' });
    expect(n.routers.responder).toMatchObject({ name: 'R3', address: '2001:DB8::3' });
    expect(n.phase1.outcome).toBe('complete');
    expect(names(n)).toEqual(MM);
    for (const m of n.phase1.messages) expect(m.dir).toBeUndefined();
    // each message carries both routers' lines: R3's log comes first in the paste, R2's after line 550
    for (const m of n.phase1.messages) expect(m.lines.some((l) => l.line < 550) && m.lines.some((l) => l.line > 550)).toBe(true);
    expect(n.phase1.proposal).toEqual({ encryption: 'DES-CBC', keyLength: null, hash: 'SHA', group: 1, auth: 'pre-share', lifetimeSeconds: 86400 });
    expect(n.phase2).toHaveLength(1);
    const p = n.phase2[0]!;
    expect(p).toMatchObject({ messageId: 1371333358, outcome: 'complete', transform: 'esp-aes esp-sha-hmac', encapsulation: 'tunnel', spis: { inbound: '0x45F16A9A', outbound: '0x221A7153' } });
    expect(names(n, 2)).toEqual(QM);
    expect(p.verification).toMatchObject({ up: true, packetsOut: 9, packetsIn: 9 });
    expect(p.sas.filter((s) => s.status === 'ACTIVE').map((s) => s.spi).sort()).toContain('0x45F16A9A');
    expect(n.phase1.transitions.every((t) => t.allowed === true)).toBe(true);
    expect(a.input.unrecognized).toEqual([]);
  },
  '01-mm-qm-success-initiator-iosxe-cryptomap.log': (a) => {
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'initiator', local: '203.0.113.10', peer: '203.0.113.1' });
    expect(names(n)).toEqual(MM);
    expect(n.phase1.messages.map((m) => m.dir)).toEqual(['out', 'in', 'out', 'in', 'out', 'in']);
    expect(n.phase1.outcome).toBe('complete');
    expect(n.phase1.proposal).toEqual({ encryption: 'AES-CBC', keyLength: 256, hash: 'SHA', group: 14, auth: 'pre-share', lifetimeSeconds: 86400 });
    expect(n.phase2[0]).toMatchObject({ messageId: 1327257875, outcome: 'complete', encapsulation: 'tunnel', transform: 'esp-aes 256 esp-sha-hmac' });
    expect(names(n, 2)).toEqual(QM);
    // the inbound SPI from `Successfully installed IPSEC SA`, the outbound from show's `current outbound spi`
    expect(n.phase2[0]?.spis).toEqual({ inbound: '0xDA9E8DCA', outbound: '0xB2C0867D' });
    // the author's show output was taken before any reply came back: 4 packets out, none in
    expect(n.phase2[0]?.verification).toMatchObject({ packetsOut: 4, packetsIn: 0, up: false, pathMtu: 1500 });
  },
  '02-no-psk-configured-initiator-iosxe.log': (a) => {
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'initiator', peer: '203.0.113.1' });
    expect(n.phase1.outcome).toBe('failed');
    expect(n.phase1.messages).toEqual([]);
  },
  '04-csdl-noncompliant-algorithms-iosxe.log': (a) => {
    expect(a.negotiations).toEqual([]);
    expect(a.input.unrecognized).toEqual([]);
  },
  '06-nat-t-mm-qm-initiator-behind-nat-iosxe.log': (a) => {
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'initiator', local: '100.64.1.2', peer: '61.128.1.1' });
    expect(names(n)).toEqual(MM);
    expect(n.phase1.messages.find((m) => m.name === 'MM5')?.ports).toEqual({ local: 4500, peer: 4500 });
    expect(n.phase2[0]).toMatchObject({ outcome: 'complete', encapsulation: 'tunnel-udp' });
    expect(n.informational.map((m) => [m.name, m.dir])).toEqual([['DELETE', 'in']]);
  },
  '07-qm-responder-iosxe-cryptomap-pppoe.log': (a) => {
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'responder', local: '203.0.113.200', peer: '203.0.113.100' });
    expect(n.phase1.messages).toEqual([]);
    // no phase 1 line is in the paste: its Quick Mode proves phase 1 completed, and no line shows its mode
    expect(n.phase1).toMatchObject({ mode: null, outcome: 'complete', implied: true });
    expect(n.phase2[0]).toMatchObject({ messageId: 3329780046, outcome: 'complete', spis: { inbound: '0x63A278D7', outbound: '0x731256EB' } });
    expect(n.phase2[0]!.messages.map((m) => [m.name, m.dir])).toEqual([
      ['QM1', 'in'],
      ['QM2', 'out'],
      ['QM3', 'in'],
    ]);
  },
  '08-mm-qm-success-initiator-ios124-pfs-annotated-zh.log': (a) => {
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'initiator', local: '12.1.1.2', peer: '13.1.1.3' });
    expect(n.routers.initiator.name).toBe('R2');
    expect(names(n)).toEqual(MM);
    expect(n.phase1.proposal).toMatchObject({ encryption: '3DES-CBC', hash: 'MD5', group: 2, lifetimeSeconds: 60 });
    expect(n.phase2[0]).toMatchObject({ messageId: 3868706898, outcome: 'complete', pfsGroup: 1, spis: { inbound: '0x5E39E570', outbound: '0xE06FF44' } });
    expect(n.informational.map((m) => m.name)).toEqual(['DELETE']);
  },
  '10-p1-keylength-mismatch-and-p2-transform-mismatch-transcribed.log': (a) => {
    // R2's proposal checks come after a phase 1 that completed, not the one R2 refused (lines 44-51): they join
    // R1's Quick Mode requests (lines 55, 92) of the phase 1 R1 completed, and R2's refusal stays apart
    expect(a.negotiations.map((n) => [n.role, n.local, n.peer, n.phase1.outcome])).toEqual([
      ['both', '15.1.1.1', '25.2.2.2', 'complete'],
      ['responder', '25.2.2.2', '15.1.1.1', 'failed'],
    ]);
    expect(a.negotiations[0]!.routers.initiator.name).toBe('R1');
    expect(a.negotiations[0]!.routers.responder.name).toBe('R2');
    // R2's proposal checks with no ISAKMP line of their Quick Modes (debug crypto ipsec only): the refused esp-aes,
    // then esp-aes esp-sha384-hmac accepted (Map Accepted, the rest elided by the notes), each its own phase 2
    expect(a.negotiations[0]!.phase2.map((p) => [p.outcome, p.transform])).toEqual([
      ['failed', 'esp-aes'],
      ['incomplete', 'esp-aes esp-sha384-hmac'],
    ]);
    expect(a.negotiations[1]!.phase2).toEqual([]);
    expect(a.negotiations[1]!.routers.responder.name).toBe('R2');
  },
  '11-ikev2-iosxe-ipv6-vti-auth-no-proposal-chosen-initiator.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ ikeVersion: 2, role: 'initiator', local: 'FC00:123:123:123::2', peer: 'FC00:123:123:123::1' });
    expect(n.routers.initiator.name).toBe('XE-R4');
    expect(n.ikeSa).toMatchObject({ spis: { initiator: '1D418169B24BF95A', responder: 'A645046F734260C6' }, outcome: 'complete' });
    expect(v2(n)).toEqual(['IKE_SA_INIT 0', 'IKE_SA_INIT.response 0', 'IKE_AUTH 1', 'IKE_AUTH.response 1', 'INFORMATIONAL 2', 'INFORMATIONAL.response 2', 'INFORMATIONAL 3', 'INFORMATIONAL.response 3']);
    // the encrypted IKE_AUTH request is labelled by the list printed before encryption
    expect(n.ikeSa!.messages[2]).toMatchObject({ encrypted: true, payloads: ['VID', 'IDi', 'AUTH', 'CFG', 'SA', 'TSi', 'TSr', 'NOTIFY(INITIAL_CONTACT)', 'NOTIFY(USE_TRANSPORT_MODE)', 'NOTIFY(SET_WINDOW_SIZE)', 'NOTIFY(ESP_TFC_NO_SUPPORT)', 'NOTIFY(NON_FIRST_FRAGS)'] });
    // the IKE SA came up; its child SA was refused in the IKE_AUTH response
    expect(n.childSas).toEqual([{ messageId: 1, outcome: 'failed', transform: "AES-CBC SHA96 Don't use ESN", spis: { inbound: '0xA153CF67', outbound: null }, trafficSelectors: null, refusal: 'NO_PROPOSAL_CHOSEN' }]);
  },
  '13-transform-set-mismatch-initiator-ios12-excerpt.log': (a) => {
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'initiator', peer: '10.15.58.38' });
    expect(names(n)).toEqual(['MM1', 'MM2']);
    expect(n.phase1.outcome).toBe('incomplete');
    // its last line, `00:27:07: ISAKMP (0`, is cut off by the paste: kept as truncated, not "not understood"
    expect(a.input.unrecognized).toEqual([]);
    expect(a.lineTables[0]?.kinds[31]).toBe(7);
  },
  '14-mm-start-initiator-pastebin-wrapped-80col.log': (a) => {
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'initiator', local: '85.227.242.238', peer: '213.100.24.75' });
    expect(names(n)).toEqual(['MM1']);
    expect(n.phase1.outcome).toBe('incomplete');
  },
  '16-qm-responder-host-proxies-transform-none-pastebin.log': (a) => {
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'responder', peer: '213.100.24.75' });
    expect(n.phase1).toMatchObject({ mode: null, outcome: 'complete', implied: true });
    expect(n.phase2[0]).toMatchObject({ messageId: 3876254776, outcome: 'incomplete', transform: 'esp-des esp-md5-hmac', encapsulation: 'tunnel' });
    expect(names(n, 2)).toEqual(['QM1']);
  },
  '18-l2tp-transport-udp-error256-responder-issue-excerpts.log': (a) => {
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'responder', local: '91.a.b.101', peer: '185.x.y.113' });
    expect(n.phase1.proposal).toMatchObject({ encryption: 'AES-CBC', keyLength: 256, hash: 'SHA512', group: 16, lifetimeSeconds: 10800 });
    expect(n.phase2[0]).toMatchObject({ messageId: 2353076638, outcome: 'failed', encapsulation: 'transport-udp' });
  },
  '19-flattened-pdf-text-initiator-mm1-mm3-studylib.log': (a) => {
    // one physical line: the IOS records sit in slide prose; the excerpt prints MM2 received and MM3 sent,
    // no MM1 line (its state IKE_I_MM1 is the first Old State), and is cut off after MM3
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'initiator', peer: '1.1.1.102' });
    expect(n.phase1).toMatchObject({ mode: 'main', outcome: 'incomplete' });
    expect(n.phase1.messages.map((m) => [m.name, m.dir, m.saState])).toEqual([['MM2', 'in', 'MM_NO_STATE'], ['MM3', 'out', 'MM_SA_SETUP']]);
    expect(n.phase1.transitions.map((t) => [t.from, t.to, t.allowed])).toEqual([['IKE_I_MM1', 'IKE_I_MM2', true], ['IKE_I_MM2', 'IKE_I_MM3', true]]);
    expect(a.lineTables[0]?.kinds[5]).toBe(0); // debug
    // the ASA "[IKEv1 DEBUG]" lines and the show output quoted in the prose are not read
    expect(a.records.line).toHaveLength(6);
    expect(a.input.unrecognized).toEqual([]);
  },
  '20-l2l-success-initiator-ios12-annotated-zh-tw-excerpt.log': (a) => {
    // IPsec asked for SAs to the peer, and the excerpt ends there: no IKE line shows a negotiation, so none is
    // made (no role, no outcome); the request is an event with its meaning, its transform without the author's note
    expect(a.negotiations).toEqual([]);
    expect(a.events).toEqual([{ event: 'IPSEC(sa_request)', peer: '202.100.1.2', lines: [{ file: 0, line: 15 }], note: 'No IKE line follows in the paste: it does not show IKE negotiating them.' }]);
    expect(lineInfo(a, { file: 0, line: 15 }).annotation).toContain('esp-des esp-md5-hmac (Tunnel).');
  },
  '21-psk-mismatch-ikmp-bad-message-single-line.log': (a) => {
    // one error line alone: an event with its meaning, no negotiation, no mode, role, outcome or finding
    expect(a.negotiations).toHaveLength(0);
    expect(a.events).toEqual([{ event: '%CRYPTO-4-IKMP_BAD_MESSAGE', peer: '192.1.20.2', lines: [{ file: 0, line: 7 }] }]);
    expect(recordRows(a.records).filter((r) => r.negotiation >= 0)).toHaveLength(0);
  },
  '22-p1-lifetime-negotiation-responder-notes-snippet.log': (a) => {
    // one transform checked, `Next payload is 0`: the lines a responder prints reading MM1, and an initiator reading
    // MM2 (the excerpt has neither packet nor state line; only the author's note says which): the role is not shown
    expect(a.negotiations[0]?.role).toBe('unknown');
    expect(a.negotiations[0]?.phase1.proposal).toMatchObject({ encryption: 'AES-CBC', keyLength: 256, group: 5, lifetimeSeconds: 600 });
  },
  '24-ike-sa-init-no-response-retransmit-initial-exchange-failed-initiator-iosxe16.log': (a) => {
    // every line is understood: the operator's `% Invalid input detected at '^' marker.` is the CLI's answer, prose
    expect(a.input.unrecognized).toEqual([]);
    expect(a.lineTables[0]?.kinds[48]).toBe(LINE_KIND_CODE.prose);
    const n = a.negotiations[0]!;
    expect(a.negotiations).toHaveLength(1);
    expect(n.ikeSa).toMatchObject({ spis: { initiator: '352F8CB45CC6EE7E', responder: '0000000000000000' }, outcome: 'failed' });
    // one request, resent three times (the last after the operator turned debugging off)
    expect(n.ikeSa!.messages.map((m) => [m.name, m.attempt, m.retransmission])).toEqual([['IKE_SA_INIT', 1, false], ['IKE_SA_INIT', 2, true], ['IKE_SA_INIT', 3, true], ['IKE_SA_INIT', 4, true]]);
    expect(n.childSas).toEqual([]);
  },
  '25-flexvpn-hub-psk-lookup-by-fqdn-ike-identity-responder-iosxe.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    // an excerpt of the responder's profile, keyring and policy lookups with no SPI and no packet: one IKE SA, told
    // by what the lines show (this router's address in the policy lookup), no SPI, role, peer or outcome invented
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ ikeVersion: 2, role: 'unknown', local: '192.168.251.5', peer: '', findings: [] });
    expect(n.ikeSa).toEqual({ spis: null, outcome: 'incomplete', messages: [], transitions: [], proposal: null });
    // every IKEv2 line of the excerpt belongs to it, the bare lookups as well as those with SA ID = 1
    const lines = a.lineTables[0]!;
    const ikev2Lines = read('corpus/25-flexvpn-hub-psk-lookup-by-fqdn-ike-identity-responder-iosxe.log').split('\n').flatMap((l, i) => (l.includes('IKEv2:') ? [i] : []));
    expect(ikev2Lines).toHaveLength(14);
    for (const i of ikev2Lines) expect(a.records.negotiation[lines.records[i]!]).toBe(0);
    // one of its lines alone is no negotiation
    const one = read('corpus/25-flexvpn-hub-psk-lookup-by-fqdn-ike-identity-responder-iosxe.log').split('\n')[ikev2Lines[1]!]!;
    expect(analyze([{ name: 'one', text: one }]).negotiations).toEqual([]);
  },
  '26-asa-psk-mismatch-authentication-failed-responder-two-attempts.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations.map((n) => [n.role, n.local, n.peer, n.ikeSa?.spis?.initiator, n.ikeSa?.outcome])).toEqual([
      ['responder', '30.30.30.1', '20.20.20.1', 'D7307E13C686A26E', 'failed'],
      ['responder', '30.30.30.1', '20.20.20.1', '9399AAC68D5A5E20', 'failed'],
    ]);
    const n = a.negotiations[0]!;
    expect(v2(n)).toEqual(['IKE_SA_INIT 0', 'IKE_SA_INIT.response 0', 'IKE_AUTH 1', 'IKE_AUTH.response 1']);
    expect(n.ikeSa!.messages[3]!.payloads).toEqual(['NOTIFY(AUTHENTICATION_FAILED)']);
    // the ASA decodes the decrypted IKE_AUTH request after its packet block
    expect(n.ikeSa!.messages[2]!.payloads.slice(0, 6)).toEqual(['VID', 'IDi', 'AUTH', 'SA', 'TSi', 'TSr']);
    expect(n.ikeSa!.transitions.at(-1)).toMatchObject({ from: 'AUTH_DONE', to: 'EXIT', input: 'EV_FAIL' });
  },
  '27-asa-transform-set-mismatch-child-no-proposal-chosen-initiator-pair-a.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations.map((n) => [n.role, n.ikeSa?.outcome, n.childSas?.[0]?.outcome, n.childSas?.[0]?.refusal])).toEqual([
      ['initiator', 'complete', 'failed', 'NO_PROPOSAL_CHOSEN'],
      ['initiator', 'complete', 'failed', 'NO_PROPOSAL_CHOSEN'],
    ]);
    expect(a.negotiations[0]!.childSas![0]!.trafficSelectors).toEqual({ local: ['10.0.0.10', '10.0.0.0-10.0.0.255'], remote: ['172.16.0.10', '172.16.0.0-172.16.0.255'] });
  },
  '28-asa-transform-set-mismatch-received-vs-expected-policies-responder-pair-b.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations.map((n) => [n.role, n.ikeSa?.spis?.initiator, n.childSas?.[0]?.refusal])).toEqual([
      ['responder', '8B54A15A627B9C8A', 'NO_PROPOSAL_CHOSEN'],
      ['responder', '7CBB667E8EB4F8D9', 'NO_PROPOSAL_CHOSEN'],
    ]);
  },
  '29-asa-success-ike-sa-init-ike-auth-initiator-pair-a.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    const n = a.negotiations[0]!;
    expect(a.negotiations).toHaveLength(1);
    expect(n).toMatchObject({ role: 'initiator', local: '1.1.1.2', peer: '1.1.1.1' });
    expect(v2(n)).toEqual(['IKE_SA_INIT 0', 'IKE_SA_INIT.response 0', 'IKE_AUTH 1', 'IKE_AUTH.response 1']);
    expect(n.childSas).toEqual([
      { messageId: 1, outcome: 'complete', transform: "AES-CBC SHA256 Don't use ESN", spis: { inbound: '0x1DDD9F4B', outbound: '0x721DF69D' }, trafficSelectors: { local: ['192.168.2.1'], remote: ['192.168.1.1'] }, refusal: null },
    ]);
    expect(n.ikeSa!.transitions.map((t) => t.to)).toEqual(['I_BLD_INIT', 'I_WAIT_INIT', 'I_PROC_INIT', 'INIT_DONE', 'I_BLD_AUTH', 'I_WAIT_AUTH', 'I_PROC_AUTH', 'AUTH_DONE', 'READY']);
  },
  '30-asa-success-ike-sa-init-ike-auth-responder-pair-b.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'responder', local: '1.1.1.1', peer: '1.1.1.2' });
    expect(n.ikeSa).toMatchObject({ spis: { initiator: 'DCA635040E30A6A3', responder: 'DDF0F6E503F92A3D' }, outcome: 'complete' });
  },
  '31-asa-ike-proposal-mismatch-no-proposal-chosen-responder.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    const n = a.negotiations[0]!;
    expect(a.negotiations).toHaveLength(1);
    expect(n).toMatchObject({ role: 'responder', local: '30.30.30.1', peer: '20.20.20.1' });
    expect(n.ikeSa).toMatchObject({ spis: { initiator: '4F3BB707051D3210', responder: '2E799D8B77867B14' }, outcome: 'failed' });
    expect(v2(n)).toEqual(['IKE_SA_INIT 0', 'IKE_SA_INIT.response 0']);
    expect(n.ikeSa!.messages[1]!.payloads).toEqual(['NOTIFY(NO_PROPOSAL_CHOSEN)']);
    expect(n.findings.map((f) => f.code)).toEqual(['P1_POLICY_MISMATCH']);
  },
  '32-asa-acl-mismatch-no-proxy-match-no-proposal-chosen-responder.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    const n = a.negotiations[0]!;
    expect(n.ikeSa!.outcome).toBe('complete');
    expect(n.childSas?.[0]).toMatchObject({ outcome: 'failed', refusal: 'NO_PROPOSAL_CHOSEN' });
    expect(n.findings.map((f) => f.code)).toEqual(['P2_PROXY_MISMATCH', 'SA_DELETED_BY_PEER']);
    // the selectors the ASA decoded from the decrypted IKE_AUTH request (TSi 10.0.0.x, TSr 172.16.0.x): the responder's view
    expect(n.childSas?.[0]?.trafficSelectors).toEqual({ local: ['172.16.0.10', '172.16.0.0-172.16.0.255'], remote: ['10.0.0.10', '10.0.0.0-10.0.0.255'] });
  },
  '33-asa-nat-t-initiator-behind-nat-float-4500-pair-a.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'initiator', local: '20.20.20.1', peer: '30.30.30.1' });
    expect(n.ikeSa).toMatchObject({ spis: { initiator: '3D78FEE3E29C3D4D', responder: 'C8C21CC6B47BC841' }, outcome: 'complete' });
    expect(v2(n)).toEqual(['IKE_SA_INIT 0', 'IKE_SA_INIT.response 0', 'IKE_AUTH 1', 'IKE_AUTH.response 1']);
    expect(n.childSas?.[0]).toMatchObject({ messageId: 1, outcome: 'complete', transform: "AES-CBC SHA256 Don't use ESN" });
  },
  '34-asa-nat-t-responder-peer-behind-pat-4501-pair-b.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    const n = a.negotiations[0]!;
    // the peer as NAT shows it: its public address, PAT's port 4501 (`[30.30.30.2]:4501->[30.30.30.1]:4500`)
    expect(n).toMatchObject({ role: 'responder', local: '30.30.30.1', peer: '30.30.30.2' });
    expect(n.ikeSa).toMatchObject({ spis: { initiator: '3D78FEE3E29C3D4D', responder: 'C8C21CC6B47BC841' }, outcome: 'complete' });
    expect(n.childSas?.[0]).toMatchObject({ outcome: 'complete', spis: { inbound: '0x528ED2D8', outbound: '0x4F457804' } });
  },
  '35-asa-ike-sa-init-retransmit-limit-initiator-pair-a.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    const n = a.negotiations[0]!;
    expect(a.negotiations).toHaveLength(1);
    expect(n.ikeSa).toMatchObject({ spis: { initiator: '0C6EF96EC28EEA32', responder: '0000000000000000' }, outcome: 'failed' });
    // seven SENT PKT [IKE_SA_INIT] lines: the first and six `Retransmitting packet`
    expect(n.ikeSa!.messages.map((m) => [m.name, m.response, m.attempt])).toEqual([1, 2, 3, 4, 5, 6, 7].map((k) => ['IKE_SA_INIT', false, k]));
    expect(n.ikeSa!.transitions.map((t) => t.input)).toContain('EV_RE_XMT_EXCEED');
  },
  '36-asa-auth-timer-expired-responder-pair-b.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    // two IKE_SA_INIT requests with the same initiator SPI, each answered with a new responder SPI (tags 46 and 47)
    expect(a.negotiations.map((n) => [n.role, n.ikeSa?.spis?.initiator, n.ikeSa?.spis?.responder, n.ikeSa?.outcome])).toEqual([
      ['responder', '0C6EF96EC28EEA32', '86A164301FAECC59', 'failed'],
      ['responder', '0C6EF96EC28EEA32', 'CA4D1EE3B9339279', 'failed'],
    ]);
    expect(v2(a.negotiations[0]!)).toEqual(['IKE_SA_INIT 0', 'IKE_SA_INIT.response 0']);
    expect(a.negotiations[0]!.ikeSa!.transitions.map((t) => t.to).slice(-3)).toEqual(['R_WAIT_AUTH', 'AUTH_DONE', 'EXIT']);
  },
  '37-asa-auth-method-mismatch-responder-two-attempts.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations.map((n) => [n.role, n.ikeSa?.spis?.initiator, n.ikeSa?.outcome])).toEqual([
      ['responder', 'B8A8A3EF521F1036', 'failed'],
      ['responder', '3A7673E8E76714FB', 'failed'],
    ]);
    expect(a.negotiations[0]!.ikeSa!.messages.at(-1)!.payloads).toContain('NOTIFY(AUTHENTICATION_FAILED)');
  },
  '38-asa-success-ike-weaker-than-ipsec-then-delete-by-user-initiator.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'initiator', local: '20.20.20.1', peer: '30.30.30.1' });
    expect(n.ikeSa).toMatchObject({ spis: { initiator: 'F6897AC44B745449', responder: 'F535761F2FFD293A' }, outcome: 'complete' });
    // the IKE SA and its child come up; then this side sends the delete (message ID 2) and the peer acknowledges it
    expect(v2(n)).toEqual(['IKE_SA_INIT 0', 'IKE_SA_INIT.response 0', 'IKE_AUTH 1', 'IKE_AUTH.response 1', 'INFORMATIONAL 2', 'INFORMATIONAL.response 2']);
    expect(n.ikeSa!.messages[4]).toMatchObject({ from: 'initiator', dir: 'out' });
    expect(n.childSas?.[0]).toMatchObject({ outcome: 'complete', spis: { inbound: '0xE0461827', outbound: '0x4714E30F' } });
    // the responder narrowed the request's selectors (lines 256-267) to the two /24s in its decrypted response (327, 332)
    expect(n.childSas?.[0]?.trafficSelectors).toEqual({ local: ['10.0.0.0-10.0.0.255'], remote: ['172.16.0.0-172.16.0.255'] });
  },
  '39-asa-crypto-map-incomplete-missing-acl-peer-deletes-responder.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations.map((n) => [n.ikeSa?.spis?.initiator, n.ikeSa?.outcome, n.childSas?.[0]?.outcome])).toEqual([
      ['5EB39276FFBA02FC', 'complete', 'failed'],
      ['48BE6B94817C391E', 'complete', 'failed'],
    ]);
    // the peer's delete arrives as an INFORMATIONAL request (ID 2) from the initiator; this side answers it
    const n = a.negotiations[0]!;
    expect(n.ikeSa!.messages.slice(4).map((m) => [m.name, m.response, m.from, m.dir])).toEqual([
      ['INFORMATIONAL', false, 'initiator', 'in'],
      ['INFORMATIONAL', true, 'responder', 'out'],
    ]);
  },
  '40-asa-dh-group-mismatch-no-proposal-chosen-responder.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations.map((n) => [n.role, n.ikeSa?.spis?.responder, n.ikeSa?.outcome])).toEqual([
      ['responder', 'E1EBA918EF7E033A', 'failed'],
      ['responder', '273F494D7637BFA2', 'failed'],
    ]);
    expect(a.negotiations[0]!.ikeSa!.messages[1]!.payloads).toEqual(['NOTIFY(NO_PROPOSAL_CHOSEN)']);
  },
  '44-asa-ike-proposal-mismatch-retransmits-initiator-pair-a.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    // the excerpt starts at a retransmission: four sendings of one IKE_SA_INIT, no response printed
    expect(a.negotiations.map((n) => [n.role, n.ikeSa?.spis?.initiator, n.ikeSa?.spis?.responder, n.ikeSa?.outcome])).toEqual([['initiator', '20D2257F50296ABD', '0000000000000000', 'incomplete']]);
    const n = a.negotiations[0]!;
    expect(v2(n)).toEqual(['IKE_SA_INIT 0', 'IKE_SA_INIT 0', 'IKE_SA_INIT 0', 'IKE_SA_INIT 0']);
    expect(n.ikeSa!.messages.every((m) => m.packetLines !== undefined && m.dir === 'out')).toBe(true);
    // nothing came back in this log: a warning, not a failure the log does not show
    expect(n.findings.map((f) => `${f.severity} ${f.code}`)).toEqual(['warning PEER_UNREACHABLE']);
  },
  '45-asa-ike-proposal-mismatch-three-copies-refused-responder-pair-b.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    // one initiator SPI, three responder SPIs: three IKE SAs the responder began and refused
    expect(a.negotiations.map((n) => [n.role, n.ikeSa?.spis?.initiator, n.ikeSa?.spis?.responder, n.ikeSa?.outcome])).toEqual([
      ['responder', '20D2257F50296ABD', '6D2195925A36BB98', 'failed'],
      ['responder', '20D2257F50296ABD', '6B069007BE6CD65F', 'failed'],
      ['responder', '20D2257F50296ABD', 'DA4E4F70610DAB19', 'failed'],
    ]);
    for (const n of a.negotiations) {
      expect(v2(n)).toEqual(['IKE_SA_INIT 0', 'IKE_SA_INIT.response 0']);
      expect(n.ikeSa!.messages[1]!.payloads).toEqual(['NOTIFY(NO_PROPOSAL_CHOSEN)']);
      expect(n.ikeSa!.transitions.map((t) => t.to).slice(-2)).toEqual(['INIT_DONE', 'EXIT']);
    }
  },
  '46-asa-ike-proposal-mismatch-six-received-one-expected-policies-blog.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    // the proposal check of one SA (tag 16) and nothing else: one negotiation, no SPI, no role, no message
    expect(a.negotiations.map((n) => [n.ikeVersion, n.role, n.ikeSa?.spis, n.ikeSa?.outcome, n.ikeSa?.messages.length])).toEqual([[2, 'unknown', null, 'incomplete', 0]]);
    // six IKE SA proposals received, one accepted, none matching: the mismatch, its answer not in the excerpt
    const f = a.negotiations[0]!.findings;
    expect(f.map((x) => [x.severity, x.code, x.lines.map((l) => l.line)])).toEqual([
      ['error', 'P1_POLICY_MISMATCH', [6, 13, 14]],
      ['warning', 'WEAK_CRYPTO', [6]],
    ]);
    expect(f[0]!.summary).toContain('it accepts Proposal 1: AES-CBC-256 SHA384 SHA384 DH_GROUP_2048_MODP_256_PRIME/Group 24');
    expect(f[0]!.message).toBeUndefined();
  },
  '47-asa-azure-failed-to-verify-proposed-policies-no-matching-policy-note.log': (a) => {
    // the policy lists quoted empty: which exchange's check failed is not shown, so no SA to draw and no finding
    expect(a.negotiations).toEqual([]);
    expect(a.input.unrecognized).toEqual([]);
    expect(lineInfo(a, { file: 0, line: 6 }).annotation).toBe('No configured proposal matches what the peer offered.');
  },
  '48-iosxe-ikev2-error-address-type-not-supported-flexvpn-lab.log': (a) => {
    // one error line of no SA: understood, no negotiation, no finding
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toEqual([]);
    expect(lineInfo(a, { file: 0, line: 5 }).annotation).toMatch(/^IKEv2 met an address of a type it does not support/);
  },
  '41-ios-identity-mismatch-no-ikev2-profile-for-peer-dn-responder-cisco-doc.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    const n = a.negotiations[0]!;
    expect(a.negotiations).toHaveLength(1);
    // an excerpt without packet lines or addresses: the SA by its SM Trace SPIs, its role by `(R)`
    expect(n).toMatchObject({ role: 'responder', ikeVersion: 2 });
    expect(n.ikeSa).toMatchObject({ spis: { initiator: 'E9E4B7FD0A336C97', responder: 'F2CF438C0CCA281C' }, outcome: 'failed', messages: [] });
  },
  '42-ios-certificate-issuer-not-trusted-no-trustpoint-responder-cisco-doc.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'responder' });
    expect(n.ikeSa).toMatchObject({ spis: { initiator: 'E4368647479E50EF', responder: '97B2C8AA5268271A' }, outcome: 'failed' });
    // four SM Trace lines, all in R_VERIFY_AUTH: no change of state
    expect(n.ikeSa!.transitions).toEqual([]);
  },
  '43-asa-peer-id-check-failed-no-ip-in-certificate-san-initiator-cisco-doc.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'initiator' });
    expect(n.ikeSa).toMatchObject({ spis: { initiator: '833D2323FCB46093', responder: 'F0B4D318DDDDB783' }, outcome: 'failed' });
    // the initiator machine allows it: a failed check of the responder's AUTH ends IKE_AUTH
    expect(n.ikeSa!.transitions.map((t) => [t.from, t.to, t.input, t.allowed])).toEqual([['I_PROC_AUTH', 'AUTH_DONE', 'EV_AUTH_FAIL', true]]);
  },
  '23-ikmp-no-sa-not-initialization-offer-hub-iosxe.log': (a) => {
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ local: '203.0.113.1', peer: '203.0.113.10' });
    expect(n.phase1.outcome).toBe('complete');
  },
};

/** Everything the analysis says of its negotiations, page fields and evidence included. */
function whole(a: Analysis): string {
  return JSON.stringify({ schema: a.schema, input: a.input, negotiations: a.negotiations });
}

/** The golden file must exist and match; it is written only when asked, so a lost golden cannot pass by itself. */
function expectGolden(file: URL, text: string): void {
  if (process.env.UPDATE_GOLDENS === '1') writeFileSync(file, text);
  if (!existsSync(file)) expect.fail(`no golden file ${file.pathname}: write it with UPDATE_GOLDENS=1 npx vitest run src/core/analyze.test.ts, then review it`);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

describe('seed and corpus', () => {
  const files = [SEED, ...corpus.map((f) => `corpus/${f}`)];
  test('every corpus log has its expectations written down', () => {
    expect(Object.keys(expectations).sort()).toEqual([SEED, ...corpus].sort());
  });
  for (const path of files) {
    const key = path === SEED ? SEED : path.slice(7);
    test(`${key}: what the log says`, () => {
      const a = run(path);
      expectations[key]?.(a);
      expect(a.input.files[0]?.lines).toBe(splitLines(read(path)).length);
    });
    test(`${key}: golden`, () => {
      const file = new URL(`golden/${key.replace(/^seed\//, '').replace(/\.(log|txt)$/, '')}.json`, fixtures);
      expectGolden(file, analysisJsonText(run(path)));
    });
  }

  test('two files, one per router, merge like the single paste', () => {
    const text = read(SEED);
    const lines = text.split('\n');
    const cut = lines.findIndex((l) => l.startsWith('IOS router - initiator'));
    const a = analyze([
      { name: 'r3.log', text: lines.slice(0, cut).join('\n') },
      { name: 'r2.log', text: lines.slice(cut).join('\n') },
    ]);
    expect(a.negotiations).toHaveLength(1);
    expect(a.negotiations[0]).toMatchObject({ role: 'both', local: '2001:DB8::2', peer: '2001:DB8::3' });
    expect(a.negotiations[0]!.phase1.messages.map((m) => m.lines.map((l) => l.file).sort()[0])).toEqual([0, 0, 0, 0, 0, 0]);
  });

  test('streaming in small chunks gives the same analysis', () => {
    const text = read(SEED);
    const all = analyze([{ name: 's', text }]);
    const an = createAnalyzer();
    an.beginFile('s');
    for (let i = 0; i < text.length; i += 97) an.push(text.slice(i, i + 97));
    an.endFile();
    expect(whole(an.finish())).toBe(whole(all));
  });
});

describe('property: any input is fully accounted for', () => {
  const shapes = read(SEED)
    .split('\n')
    .concat(...corpus.map((f) => read(`corpus/${f}`).split('\n')))
    .filter((l) => l.trim().length > 0);
  const ciscoLine = fc.oneof(
    fc.constantFrom(...shapes),
    fc.tuple(fc.constantFrom(...shapes), fc.nat(200)).map(([l, n]) => l.slice(0, n)),
    fc.tuple(fc.constantFrom(...shapes), fc.constantFrom('.!!!!', '.....', ' <-- note', '> ', '- ', 'R1#', '\t')).map(([l, x]) => (x.endsWith(' ') || x === 'R1#' ? x + l : l + x)),
    fc.string(),
  );
  const text = fc.tuple(fc.array(ciscoLine, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r')).map(([ls, nl]) => ls.join(nl));

  test('no exception, one kind per line, every index valid', () => {
    fc.assert(
      fc.property(text, (t) => {
        const a = analyze([{ name: 'x', text: t }]);
        const count = splitLines(t).length;
        expect(a.input.lines).toBe(count);
        expect(a.lineTables[0]?.kinds.length).toBe(count);
        expect(a.lineTables[0]?.records.length).toBe(count);
        for (const r of a.lineTables[0]!.records) expect(r).toBeLessThan(a.records.line.length);
        for (const n of a.records.negotiation) expect(n).toBeLessThan(a.negotiations.length);
        for (const u of a.input.unrecognized) expect(u.line).toBeLessThanOrEqual(count);
      }),
      { numRuns: 300 },
    );
  });

  test('random strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (t) => {
        const a = analyze([{ name: 'x', text: t }]);
        expect(a.lineTables[0]?.kinds.length).toBe(splitLines(t).length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('lineInfo', () => {
  test('kind, record and annotation of seed lines', async () => {
    const { lineInfo } = await import('./line-info.ts');
    const a = run(SEED);
    const lines = read(SEED).split('\n');
    const packet = lines.findIndex((l) => l.includes('sending packet to 2001: DB8::3 my_port 500 peer_port 500 (I) MM_NO_STATE')) + 1;
    expect(lineInfo(a, { file: 0, line: packet })).toMatchObject({ kind: 'debug', negotiation: 0, annotation: expect.stringContaining('Sends an IKE packet') });
    const idField = lines.findIndex((l) => l.includes('next-payload : 8')) + 1;
    expect(lineInfo(a, { file: 0, line: idField }).kind).toBe('continuation');
    expect(lineInfo(a, { file: 0, line: 1 })).toMatchObject({ kind: 'prose', record: -1, annotation: null });
    expect(lineInfo(a, { file: 3, line: 1 }).record).toBe(-1);
  });
});

describe('a word an object inherits, where the log prints a value', () => {
  const seedLine = '*Oct 25 18:53:16.543: ISAKMP: (1001):transform 1, ';
  for (const word of ['constructor', '__proto__', 'toString', 'esp_aes']) {
    test(`'transform 1, ${word}' is no phase 2 transform`, () => {
      const a = analyze([{ name: 'crafted.log', text: `${seedLine}${word}\n${seedLine}ESP_AES\n` }]);
      expect(a.input.unrecognized).toEqual([{ file: 0, line: 1 }]);
    });
  }
});

test("the seed with its line 211 repeated 150,000 times merges its two routers' messages without overflowing the stack", () => {
  const lines = readFileSync(new URL('../../fixtures/seed/ios-ikev1-main-mode-debugs.txt', import.meta.url), 'utf8').split('\n');
  const repeated = [...lines.slice(0, 210), ...Array.from({ length: 150_000 }, () => lines[210] ?? ''), ...lines.slice(211)];
  const a = analyze([{ name: 'seed.txt', text: repeated.join('\n') }]);
  expect(a.input.lines).toBe(lines.length + 150_000 - 1);
  expect(a.negotiations.length).toBeGreaterThan(0);
});
