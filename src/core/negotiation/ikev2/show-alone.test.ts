/**
 * IKEv2 show output (fixtures/ikev2/show/, each with its source): `show crypto ikev2 sa`, `… detailed`,
 * `show crypto ikev2 session detailed` and `show monitor event-trace crypto ikev2 event all` alone give the IKE SAs they list, in their state, with their algorithms,
 * SPIs and child SAs; beside a debug log they tie to the negotiation they describe. A golden JSON per file
 * (UPDATE_GOLDENS=1 writes them, then review the diff).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Analysis } from '../../analysis.ts';
import { analysisJsonText } from '../../analysis-json.ts';
import { analyze } from '../../analyze.ts';
import { LINE_KIND_CODE } from '../../ike/line-kinds.ts';
import { lineInfo } from '../../line-info.ts';

const dir = new URL('../../../../fixtures/ikev2/show/', import.meta.url);
const goldens = new URL('../../../../fixtures/golden/ikev2-show/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.log')).sort();
const text = (name: string): string => readFileSync(new URL(name, dir), 'utf8');
const run = (name: string): Analysis => analyze([{ name, text: text(name) }]);

const expectations: Record<string, (a: Analysis) => void> = {
  'event-trace-ikev2-event-all-three-sessions-genie.log': (a) => {
    // every line read; sessions 2 and 3 (both SA ID 1) are two IKE SAs, told apart by their session
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations.map((n) => [n.role, n.local, n.peer, n.ikeSa?.outcome, n.ikeSa?.spis?.initiator ?? null])).toEqual([
      // the peer's delete names session 2's SPI pair
      ['initiator', '30.1.1.1', '30.1.1.2', 'complete', 'D4821BB75E54AE19'],
      // session 3 names none: no SPI invented
      ['responder', '30.1.1.1', '30.1.1.2', 'complete', null],
    ]);
    // IKE_SA_INIT and IKE_AUTH with the message IDs the protocol gives them; the trace prints no other
    expect(a.negotiations[0]!.ikeSa!.messages.map((m) => `${m.name}${m.response ? '.response' : ''} ${m.messageId} ${m.from}`)).toEqual([
      'IKE_SA_INIT 0 initiator', 'IKE_SA_INIT.response 0 responder', 'IKE_AUTH 1 initiator', 'IKE_AUTH.response 1 responder',
    ]);
    expect(a.negotiations[1]!.ikeSa!.messages.map((m) => `${m.name}${m.response ? '.response' : ''} ${m.from}`)).toEqual([
      'IKE_SA_INIT initiator', 'IKE_SA_INIT.response responder', 'IKE_AUTH initiator', 'IKE_AUTH.response responder',
    ]);
    // no SM Trace in the event trace: the states its packets imply
    expect(a.negotiations[1]!.ikeSa!.transitions.map((t) => t.to)).toEqual(['R_INIT', 'R_BLD_INIT', 'INIT_DONE', 'R_WAIT_AUTH', 'R_VERIFY_AUTH', 'R_BLD_AUTH', 'AUTH_DONE', 'READY']);
    // session 2, up then deleted by the peer (its DELETE processed at lines 21 and 26): the only finding
    expect(a.negotiations.map((n) => n.findings.map((f) => `${f.severity} ${f.code}`))).toEqual([['warning SA_DELETED_BY_PEER'], []]);
  },
  'event-trace-crypto-from-boot-three-initiations-kmi-genie.log': (a) => {
    // every line read: the traces' headings, the off and empty ones, the key engine's requests, the IPsec entries
    expect(a.input.unrecognized).toEqual([]);
    // each IKEv2 event line names an SA that this router started (one IKE_SA_INIT each): three negotiations, no outcome yet
    expect(a.negotiations.map((n) => [n.role, n.local, n.peer, n.ikeSa?.outcome, n.ikeSa?.messages.map((m) => m.name)])).toEqual([
      ['initiator', '40.185.80.1', '40.181.251.101', 'incomplete', ['IKE_SA_INIT']],
      ['initiator', '40.182.80.1', '40.181.251.101', 'incomplete', ['IKE_SA_INIT']],
      ['initiator', '40.183.80.1', '40.181.251.101', 'incomplete', ['IKE_SA_INIT']],
    ]);
    // the internal trace's SA ID:0 lines (no SA yet) join none of them
    const lines = text('event-trace-crypto-from-boot-three-initiations-kmi-genie.log').split('\n');
    const kmi = lines.findIndex((l) => l.includes('IKEV2-RECV-KMI')) + 1;
    expect(lineInfo(a, { file: 0, line: kmi })).toMatchObject({ negotiation: -1, annotation: expect.stringMatching(/^The IPSEC key engine asks for SAs .* for 40\.185\.80\.1 and its peer 40\.181\.251\.101\.$/) });
    const words = (s: string) => lineInfo(a, { file: 0, line: lines.findIndex((l) => l.includes(s)) + 1 }).annotation;
    expect(words('ikev2_error:')).toMatch(/^The heading of the IKEv2 error trace/);
    expect(words('Tracing currently disabled')).toMatch(/turned off .*holds no entries/);
    expect(words('IPSEC-DELETE-SA:  SESSION ID:0, sa delete : (sa) sa_dest')).toBe('IPsec event trace: an IPsec SA deleted (SPI 0x102, to 418A::70:0:1, esp-gcm 256).');
    expect(a.negotiations.flatMap((n) => n.findings)).toEqual([]);
  },
  'event-trace-crypto-all-detail-pki-clock-ikev2-error-empty-genie.log': (a) => {
    // no IKEv2 entry at all: no negotiation; every line has its meaning
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toEqual([]);
    const lines = text('event-trace-crypto-all-detail-pki-clock-ikev2-error-empty-genie.log').split('\n');
    const words = (s: string) => lineInfo(a, { file: 0, line: lines.findIndex((l) => l.includes(s)) + 1 }).annotation;
    expect(words('PKI timers have not been initialized')).toMatch(/clock is not authoritative/);
    expect(words('-Traceback=')).toMatch(/traceback .*not a failure/);
    expect(words('interrupt context allocation count')).toMatch(/bookkeeping/);
    for (const l of lines) if (/^[a-z\d]+_[a-z_]+:$/.test(l)) expect(words(l)).toMatch(/^The heading of the /);
  },
  'event-trace-crypto-merged-pki-entries-genie.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toEqual([]);
    const lines = text('event-trace-crypto-merged-pki-entries-genie.log').split('\n');
    const words = (s: string) => lineInfo(a, { file: 0, line: lines.findIndex((l) => l.includes(s)) + 1 }).annotation;
    // the command is the operator's; each entry after its trace's name is read by its text
    const command = lines.findIndex((l) => l.startsWith('show monitor event-trace crypto merged')) + 1;
    expect(lineInfo(a, { file: 0, line: command })).toMatchObject({ kind: 'prompt', annotation: expect.stringMatching(/operator types/) });
    expect(words('pki_error: PKI timers')).toMatch(/clock is not authoritative .*\(trace pki_error\)$/);
  },
  'event-trace-crypto-ipsec-event-latest-sas-deleted-recreated-genie.log': (a) => {
    // IPsec's own trace: every line read, no IKE SA in it
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toEqual([]);
    const lines = text('event-trace-crypto-ipsec-event-latest-sas-deleted-recreated-genie.log').split('\n');
    const words = (s: string) => lineInfo(a, { file: 0, line: lines.findIndex((l) => !l.startsWith('#') && l.includes(s)) + 1 }).annotation;
    expect(words('sa delete : (sa) sa_dest = 30.1.1.1')).toBe('IPsec event trace: an IPsec SA deleted (SPI 0xB820B40F, to 30.1.1.1, esp-aes esp-sha-hmac).');
    expect(words('sa create : (sa) sa_dest= 30.1.1.2')).toBe('IPsec event trace: an IPsec SA created (SPI 0xFE24CD35, to 30.1.1.2, esp-aes esp-sha-hmac).');
    expect(words('KEY_MGR_SA_ENABLE_OUTBOUND')).toMatch(/start using the outbound SA: traffic can flow \(KEY_MGR_SA_ENABLE_OUTBOUND, 30\.1\.1\.1 and 30\.1\.1\.2\)/);
    expect(words('KEY_ENG_REQUEST_SAS')).toMatch(/^IPsec event trace: IPsec asks IKE for SAs/);
  },
  'event-trace-crypto-pki-error-all-trustpoint-genie.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toEqual([]);
    const lines = text('event-trace-crypto-pki-error-all-trustpoint-genie.log').split('\n');
    expect(lineInfo(a, { file: 0, line: lines.findIndex((l) => l.includes('Certificate Server is now disabled')) + 1 }).annotation).toBe('A PKI trace entry of trustpoint rootca: Certificate Server is now disabled.');
  },
  'show-ikev2-sa-asa-initiator-router-pair-cisco-doc.log': (a) => {
    // two routers' show output of one tunnel, without SPIs: two negotiations, not joined (nothing but the two addresses ties them)
    // the router's row (IOS form, no role) and the ASA's own form (no VRF column, its role after the status)
    expect(a.negotiations.map((n) => [n.role, n.local, n.peer, n.ikeSa?.outcome, n.ikeSa?.shown?.sessionStatus, n.childSas?.length])).toEqual([
      ['unknown', '172.16.1.1', '172.16.1.2', 'complete', null, 0],
      ['initiator', '172.16.1.2', '172.16.1.1', 'complete', 'UP-ACTIVE', 1],
    ]);
    // the ASA's prompt names its security context: `ciscoasa/vpn(config)#`, not the router R1 before it
    expect(a.negotiations.map((n) => n.routers.initiator.name)).toEqual(['R1', 'ciscoasa/vpn']);
    // the document broke each Encr line after `Auth sign: RSA,`: the next line's `Auth verify: RSA` completes it
    for (const n of a.negotiations) expect(n.ikeSa!.shown).toMatchObject({ encryption: 'AES-CBC', keySize: 256, integrity: 'SHA96', group: 14, authSign: 'RSA', authVerify: 'RSA' });
    expect(a.negotiations[1]!.childSas).toEqual([
      { messageId: null, outcome: 'complete', transform: null, spis: { inbound: '0xA84CAABB', outbound: '0xF18DCE57' }, trafficSelectors: { local: ['192.168.0.0/0 - 192.168.0.255/65535'], remote: ['172.16.2.0/0 - 172.16.2.255/65535'] }, refusal: null },
    ]);
    expect(a.negotiations.every((n) => n.findings.length === 0)).toBe(true);
    expect(a.input.unrecognized).toEqual([]);
  },
  'show-ikev2-sa-asa-one-initiator-zscaler-guide.log': (a) => {
    // `IKEv2 SAs:` opens the ASA's output without its command; the row's INITIATOR gives this end's role
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ ikeVersion: 2, role: 'initiator', local: '10.66.60.40', peer: '10.66.91.74', findings: [] });
    expect(n.ikeSa).toMatchObject({ spis: null, outcome: 'complete', implied: true });
    expect(n.ikeSa!.shown).toMatchObject({ status: 'READY', sessionStatus: 'UP-ACTIVE', encryption: 'AES-GCM', keySize: 128, integrity: 'SHA96', group: 14, authSign: 'PSK', authVerify: 'PSK', lifetimeSeconds: 86400, activeSeconds: 403 });
    expect(n.childSas).toEqual([
      { messageId: null, outcome: 'complete', transform: null, spis: { inbound: '0xF58C28B7', outbound: '0x7EB079E7' }, trafficSelectors: { local: ['192.168.202.0/0 - 192.168.202.255/65535'], remote: ['0.0.0.0/443 - 255.255.255.255/443'] }, refusal: null },
    ]);
    expect(a.input.unrecognized).toEqual([]);
  },
  'show-crypto-session-detail-ikev2-sa-two-tunnels-azure-doc.log': (a) => {
    // each session's `IKEv2 SA: local … remote … Active` and the show crypto ikev2 sa row with the same two ends are one SA
    expect(a.negotiations.map((n) => [n.local, n.peer, n.ikeSa?.outcome, n.ikeSa?.shown?.status, n.ikeSa?.shown?.activeSeconds])).toEqual([
      ['10.1.10.50', '52.175.250.191', 'complete', 'READY', 3280],
      ['10.1.10.50', '52.175.253.112', 'complete', 'READY', 3277],
    ]);
    // the session line joins its SA's evidence
    expect(a.negotiations[0]!.ikeSa!.shown!.lines.map((l) => l.line)).toContain(20);
    expect(a.negotiations[1]!.ikeSa!.shown!.lines.map((l) => l.line)).toContain(35);
    // `Capabilities:DN` under each IKEv2 SA line: N, NAT traversal in use (the tunnels run on UDP 4500)
    expect(a.negotiations.map((n) => n.ikeSa!.shown!.nat)).toEqual([true, true]);
    expect(lineInfo(a, { file: 0, line: 21 }).annotation).toBe("The IKEv2 SA's capabilities: D dead peer detection, N NAT traversal; connection 3, lifetime left 23:07:14.");
    // `Active SAs: 2` of an IKEv2 session: its child SA, not IKEv1's phase 2
    expect(lineInfo(a, { file: 0, line: 23 }).annotation).toBe('2 IPsec SAs active for this flow: a child SA of the IKEv2 session is up.');
    // the whole of show crypto session detail is read, its legend and counters too, not cut at its heading
    expect(a.lineTables[0]!.kinds.slice(4, 40).every((k) => k !== LINE_KIND_CODE.prose)).toBe(true);
    // the N of each SA's capabilities, the router's word that NAT-T is in use: NAT_T, as IKEv1's UDP-Encaps gives it;
    // each IKE SA's `DH Grp:2` of show crypto ikev2 sa (lines 53 and 48, the rows listed in the other order): WEAK_CRYPTO at that line, no message
    expect(a.negotiations.map((n) => [n.role, n.findings.map((f) => [f.severity, f.code, f.lines.map((l) => l.line), f.message])])).toEqual([
      ['unknown', [['info', 'NAT_T', [21], undefined], ['warning', 'WEAK_CRYPTO', [53], undefined]]],
      ['unknown', [['info', 'NAT_T', [36], undefined], ['warning', 'WEAK_CRYPTO', [48], undefined]]],
    ]);
    expect(a.negotiations[0]!.findings[1]!.summary).toBe('Show output lists the IKE SA that uses DH group 2 (line 53). These are weaker than current guidance (AES-256, SHA-256, DH group 14 or an elliptic curve group).');
    expect(a.input.unrecognized).toEqual([]);
  },
  'show-crypto-session-detail-ipv6-wrapped-genie.log': (a) => {
    // pasted from its legend, without the command; the IKEv2 SA line wraps after the local IPv6 end
    expect(a.negotiations.map((n) => [n.ikeVersion, n.local, n.peer, n.ikeSa?.outcome, n.ikeSa?.shown?.status])).toEqual([[2, '2001:101:0:1::1', '2001:101:0:1::2', 'complete', 'Active']]);
    // the capabilities line under the wrapped SA line is the SA's too: N, NAT traversal; U, dynamic route update
    // then its flow and the flow's active SAs: a child SA up, for the traffic of the flow
    expect(a.negotiations[0]!.ikeSa!.shown!.lines.map((l) => l.line)).toEqual([17, 18, 19, 20, 21]);
    expect(a.negotiations[0]!.childSas).toEqual([{ messageId: null, outcome: 'complete', transform: null, spis: null, trafficSelectors: { local: ['0.0.0.0/0.0.0.0'], remote: ['0.0.0.0/0.0.0.0'] }, refusal: null }]);
    expect(a.negotiations[0]!.ikeSa!.shown!.nat).toBe(true);
    expect(lineInfo(a, { file: 0, line: 19 }).annotation).toMatch(/^The IKEv2 SA's capabilities: N NAT traversal, U dynamic route update;/);
    expect(a.input.unrecognized).toEqual([]);
  },
  'show-crypto-session-detail-two-clients-one-nat-genie.log': (a) => {
    // one peer address, two sessions: the peer's ports (38452, 55411) keep them two IKE SAs
    expect(a.negotiations.map((n) => [n.ikeVersion, n.local, n.peer, n.ikeSa?.outcome])).toEqual([
      [2, '1.1.1.1', '17.27.1.11', 'complete'],
      [2, '1.1.1.1', '17.27.1.11', 'complete'],
    ]);
    expect(a.negotiations.map((n) => n.ikeSa!.shown!.lines.map((l) => l.line))).toEqual([[19, 20, 21, 22], [34, 35, 36, 37]]);
    expect(a.negotiations.map((n) => n.ikeSa!.shown!.nat)).toEqual([true, true]);
    // each session's flow to its client, its SAs active: a child SA each
    expect(a.negotiations.map((n) => n.childSas!.map((c) => [c.outcome, c.trafficSelectors?.remote[0]]))).toEqual([[['complete', 'host 7.1.2.40']], [['complete', 'host 7.1.2.88']]]);
    // each session's capability N: NAT_T, from show output alone (no message to point at)
    expect(a.negotiations.map((n) => [n.role, n.findings.map((f) => `${f.code} ${f.lines.map((l) => l.line).join(',')}`)])).toEqual([['unknown', ['NAT_T 20']], ['unknown', ['NAT_T 35']]]);
    expect(a.input.unrecognized).toEqual([]);
  },
  'show-ikev2-sa-asa-ipv6-two-children-genie.log': (a) => {
    // the ASA row with IPv6 ends, its role INITIATOR; two child SAs under one IKE SA
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'initiator', local: '2001:db8:2:1::1', peer: '2001:db8:2:1::2' });
    expect(n.ikeSa!.shown).toMatchObject({ status: 'READY', sessionStatus: 'UP-ACTIVE', encryption: '3DES', integrity: 'SHA96', group: 2, lifetimeSeconds: 43200 });
    expect(n.childSas!.map((c) => [c.spis?.inbound, c.spis?.outbound, c.trafficSelectors?.local[0]])).toEqual([
      ['0xBE064BDC', '0x5DB6EFF3', '2001:db8:1:2::/0 - 2001:db8:1:2:ffff:ffff:ffff:ffff/65535'],
      ['0x69B865F8', '0x978DBBE5', '2001:db8:1:1::/0 - 2001:db8:1:1:ffff:ffff:ffff:ffff/65535'],
    ]);
    // 3DES and DH group 2, as the ASA lists them (line 10): WEAK_CRYPTO, said as listed by show output
    expect(n.findings.map((f) => [f.severity, f.code, f.lines.map((l) => l.line), f.message, f.summary])).toEqual([
      ['warning', 'WEAK_CRYPTO', [10], undefined, 'Show output lists the IKE SA that uses 3DES, DH group 2 (line 10). These are weaker than current guidance (AES-256, SHA-256, DH group 14 or an elliptic curve group).'],
    ]);
    expect(a.input.unrecognized).toEqual([]);
  },
  'show-ikev2-sa-detail-ipsec-sa-flexvpn-ra-course-notes.log': (a) => {
    // the SA listed twice (sa, then sa detail) and show crypto ipsec sa with the same peer: one IKEv2 negotiation
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ ikeVersion: 2, role: 'responder', local: '15.1.1.1', peer: '10.5.5.51' });
    expect(n.routers.responder).toMatchObject({ name: 'R1', logged: true });
    // 'Initiator of SA : No': the remote SPI is the initiator's
    expect(n.ikeSa).toMatchObject({ spis: { initiator: '902888ED4634E9EB', responder: '11FEB1839ECFF9F4' }, outcome: 'complete', implied: true, messages: [], transitions: [] });
    // the author's 'READ' is kept as printed; 'Negotiation done' says the SA is up
    expect(n.ikeSa!.shown).toMatchObject({ status: 'READ', description: 'Negotiation done', encryption: 'AES-CBC', keySize: 256, prf: 'SHA256', integrity: 'SHA256', group: 14, authSign: 'PSK', nat: true, ids: { local: '15.1.1.1', remote: '*$AnyConnectClient$*' } });
    // show crypto ipsec sa: the outbound SPI in use (its inbound line is mistyped, 'epi:'), and packets both ways
    // (12 encrypted, 120 decrypted): the child SA works
    expect(n.childSas).toEqual([{ messageId: null, outcome: 'complete', transform: null, spis: { inbound: null, outbound: '0xD6F40E5C' }, trafficSelectors: null, refusal: null }]);
    // `NAT-T is detected outside`: the client (on port 54643) is behind the NAT; the responder's line
    expect(n.findings.map((f) => [f.code, f.severity, f.lines.map((l) => l.line), f.side])).toEqual([['NAT_T', 'info', [27], 'responder']]);
    expect(n.findings[0]!.summary).toContain('NAT-T detected outside (line 27): NAT discovery found a NAT, the peer behind it');
    expect(a.input.unrecognized).toEqual([]);
  },
  'show-ikev2-sa-detail-ipsec-sa-detail-nat-t-gcp-vti-guide.log': (a) => {
    // between and around the outputs, the guide's code fences and its sentence: neither ends them
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    // 'Initiator of SA : Yes': this router began it; its SPI is the initiator's
    expect(n).toMatchObject({ ikeVersion: 2, role: 'initiator', local: '192.168.128.92', peer: '34.157.245.14' });
    expect(n.ikeSa).toMatchObject({ spis: { initiator: 'A9D4F5D1ECBE00A5', responder: '16D801035147E9B7' }, outcome: 'complete', implied: true });
    expect(n.ikeSa!.shown).toMatchObject({ encryption: 'AES-CBC', keySize: 128, prf: 'SHA256', integrity: 'SHA256', group: 16, nat: true });
    // show crypto ipsec sa detail of IOS-XE 17: the pair, its transforms as listed, both SAs ACTIVE(ACTIVE)
    expect(n.childSas).toEqual([{ messageId: null, outcome: 'complete', transform: 'esp-256-aes esp-sha-hmac', spis: { inbound: '0x20C196D', outbound: '0x8C49BBAB' }, trafficSelectors: null, refusal: null }]);
    // `NAT-T is detected inside`: this router (a cloud VM's private address) is behind the NAT
    expect(n.findings.map((f) => [f.code, f.lines.map((l) => l.line), f.side])).toEqual([['NAT_T', [23], 'initiator']]);
    expect(n.findings[0]!.summary).toContain('this router (192.168.128.92) behind it');
  },
  'show-crypto-ikev2-stats-strength-enforcement-rejects-ppk-genie.log': (a) => {
    // counters of no one SA: no negotiation, no event, every line read as show output with its numbers in words
    expect(a.negotiations).toEqual([]);
    expect(a.input.unrecognized).toEqual([]);
    // the rule above the heading comes before any line says what the output is: the one line left as prose
    expect([...a.lineTables[0]!.kinds].map((k, i) => (k === LINE_KIND_CODE.prose ? i + 1 : 0)).filter((x) => x > 2)).toEqual([3]);
    expect(lineInfo(a, { file: 0, line: 8 }).annotation).toBe('IKE SAs this router initiated: Total outgoing IKEv2 SA Count 1, active 1, negotiating 0.');
    expect(lineInfo(a, { file: 0, line: 18 }).annotation).toBe('Child SAs refused by SA strength enforcement (a child SA encrypting more strongly than its IKE SA): SA Strength Enforcement Rejects incoming 0, outgoing 4.');
  },
  'show-crypto-session-two-flows-ikev2-sa-ipsec-sa-crypto-map-azure-strongswan-guide.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    // show crypto session pasted from its `Interface:` line, without command or heading: read as show output
    expect([...a.lineTables[0]!.kinds.slice(13, 23)].every((k) => k === LINE_KIND_CODE.show)).toBe(true);
    // its `IKEv2 SA:` line and the show crypto ikev2 sa row (same ends, same ports) are one IKE SA
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ ikeVersion: 2, role: 'unknown', local: '192.168.0.29', peer: '168.62.164.80' });
    expect(n.ikeSa!.shown).toMatchObject({ status: 'READY', spis: { local: 'FFA945D98B0C8A2F', remote: '535C9117E3DAA3AC' }, nat: null });
    expect(n.ikeSa!.shown!.lines.map((l) => l.line)).toEqual(expect.arrayContaining([19, 32]));
    // UDP 4500, but no line of this output says NAT-T (no Capabilities, no `NAT-T is detected`): no NAT_T
    expect(n.findings).toEqual([]);
    // the session's two flows, two SAs active under each: two child SAs, one per flow (the guide's "2 separate
    // tunnels"), their SPIs unsaid; the show crypto ipsec sa cut before its SAs adds none
    expect(n.childSas!.map((c) => [c.outcome, c.spis, c.trafficSelectors])).toEqual([
      ['complete', null, { local: ['192.168.200.0/255.255.255.0'], remote: ['10.250.1.0/255.255.255.0'] }],
      ['complete', null, { local: ['192.168.200.0/255.255.255.0'], remote: ['10.250.2.0/255.255.255.0'] }],
    ]);
  },
  'show-ikev2-sa-detailed-four-responder-psk-rsa-dmvpn-hub-otus-lab.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    // `Initiator of SA : No` on all four: the remote SPI is the initiator's
    expect(a.negotiations.map((n) => [n.role, n.peer, n.ikeSa?.spis?.initiator, n.ikeSa?.shown?.authSign, n.ikeSa?.shown?.ids.remote])).toEqual([
      ['responder', '10.50.52.254', '54DB9D7359A31ADD', 'PSK', '10.50.52.254'],
      ['responder', '10.50.52.126', 'A4F979A202747C0F', 'PSK', '10.50.52.126'],
      ['responder', '172.16.10.71', '0E278A966ABCA71F', 'RSA', 'hostname=R71,cn=R71'],
      ['responder', '172.16.9.61', '2B1E6516F0947BCA', 'RSA', 'hostname=R61,cn=R61'],
    ]);
    expect(a.negotiations.every((n) => n.routers.responder.name === 'R13' && n.ikeSa?.outcome === 'complete' && n.findings.length === 0)).toBe(true);
    expect(lineInfo(a, { file: 0, line: 19 }).annotation).toBe('Dead peer detection is off for this SA (no dpd in its IKEv2 profile).');
  },
  'show-ikev2-sa-four-one-delete-dmvpn-spoke-otus-lab.log': (a) => {
    // the report's indentation and code fence around the output: every line read
    expect(a.input.unrecognized).toEqual([]);
    // the DELETE row, its algorithms agreed and active for 14756 s, was up: complete, not a negotiation that never finished
    expect(a.negotiations.map((n) => [n.peer, n.ikeSa?.shown?.status, n.ikeSa?.outcome, n.ikeSa?.shown?.activeSeconds])).toEqual([
      ['10.10.13.254', 'READY', 'complete', 4126],
      ['10.10.14.254', 'READY', 'complete', 71578],
      ['172.16.8.71', 'READY', 'complete', 5393],
      ['10.10.13.254', 'DELETE', 'complete', 14756],
    ]);
    expect(a.negotiations.every((n) => n.role === 'unknown' && n.findings.length === 0)).toBe(true);
    expect(lineInfo(a, { file: 0, line: 23 }).annotation).toMatch(/DELETE: being deleted/);
  },
  'show-ikev2-sa-detailed-4500-nat-t-not-detected-flexvpn-hub-vyos-doc.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    const n = a.negotiations[0]!;
    expect(a.negotiations).toHaveLength(1);
    // no `Initiator of SA` line in the excerpt: no role, no SPI pair
    expect(n).toMatchObject({ role: 'unknown', local: '10.1.1.6', peer: '198.51.100.1' });
    expect(n.ikeSa).toMatchObject({ spis: null, outcome: 'complete', shown: { nat: false, spis: { local: 'C94EE2DC92A60C47', remote: '9AF0EF151BECF14C' }, ids: { local: 'cisco.hub.net', remote: 'vyos.net' } } });
    // UDP 4500 at both ends, but the router says `NAT-T is not detected`: no NAT_T; AES-256 and SHA-256 but DH group 5 (line 8): WEAK_CRYPTO
    expect(n.findings.map((f) => [f.code, f.lines.map((l) => l.line), f.summary])).toEqual([
      ['WEAK_CRYPTO', [8], 'Show output lists the IKE SA that uses DH group 5 (line 8). These are weaker than current guidance (AES-256, SHA-256, DH group 14 or an elliptic curve group).'],
    ]);
    // the detail lines say their numbers: this side's DPD requests up to message ID 269, the spoke's window of 1
    expect(lineInfo(a, { file: 0, line: 15 }).annotation).toBe("The message IDs of each side's requests so far: this router 269, the peer 0 (where the message-ID window stands).");
    expect(lineInfo(a, { file: 0, line: 18 }).annotation).toBe('The message-ID windows, how many requests may be outstanding: this router 5, the peer 1 (crypto ikev2 window).');
    expect(lineInfo(a, { file: 0, line: 19 }).annotation).toBe('Dead peer detection: interval 10 s, retry interval 3 s (dpd 10 3 in the IKEv2 profile).');
    expect(lineInfo(a, { file: 0, line: 24 }).annotation).toBe('The address mode config assigned to the peer: 172.16.122.2.');
  },
  'show-ikev2-sa-in-neg-unknown-crypto-fortigate-peer-unreachable-note.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ ikeVersion: 2, role: 'unknown', local: '200.0.3.1', peer: '200.0.1.1', findings: [] });
    // IN-NEG: `Unknown - 0` and `DH Grp:0` are no algorithms; nothing agreed, nothing up
    expect(n.ikeSa).toMatchObject({ outcome: 'incomplete', shown: { status: 'IN-NEG', encryption: null, prf: null, integrity: null, group: null, authSign: null, authVerify: null, activeSeconds: 0 } });
    expect(n.ikeSa!.implied).toBeUndefined();
    expect(lineInfo(a, { file: 0, line: 9 }).annotation).toBe('No algorithm agreed yet (Unknown - 0, DH group 0): the IKE SA has not finished IKE_SA_INIT.');
    expect(lineInfo(a, { file: 0, line: 10 }).annotation).toBe('Lifetime 86400 s, not active yet (0 s).');
  },
  'show-ikev2-sa-in-neg-unknown-crypto-ipsec-sa-active-gre-otus-lab.log': (a) => {
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ ikeVersion: 2, role: 'unknown', local: '100.1.0.10', peer: '20.42.0.17' });
    expect(n.ikeSa).toMatchObject({ outcome: 'incomplete', shown: { status: 'IN-NEG', encryption: null, group: null } });
    // show crypto ipsec sa of the same peer: its ACTIVE pair, on port 500 (no NAT_T)
    expect(n.childSas).toEqual([{ messageId: null, outcome: 'complete', transform: 'esp-aes esp-md5-hmac', spis: { inbound: '0x8D9B8F11', outbound: '0xC93A0BAF' }, trafficSelectors: null, refusal: null }]);
    // the IKE SA agreed nothing yet (nothing to judge), but the child SA's `transform: esp-aes esp-md5-hmac ,` under each SPI (lines 43, 57) is MD5
    expect(n.findings.map((f) => [f.code, f.lines.map((l) => l.line), f.message, f.summary])).toEqual([
      ['WEAK_CRYPTO', [43, 57], undefined, 'Show output lists the child SA that uses esp-md5-hmac (lines 43, 57). These are weaker than current guidance (AES-256, SHA-256, DH group 14 or an elliptic curve group).'],
    ]);
  },
  'show-ikev2-sa-detailed-three-responder-genie.log': (a) => {
    expect(a.negotiations.map((n) => [n.role, n.local, n.peer, n.ikeSa?.outcome, n.ikeSa?.spis?.initiator, n.ikeSa?.shown?.nat])).toEqual([
      ['responder', '10.146.0.154', '107.90.29.85', 'complete', '4785C18DB784C439', false],
      ['responder', '10.146.0.154', '3.130.109.2', 'complete', 'FBAFD8516EA9D5E8', true],
      ['responder', '10.146.0.154', '65.27.58.179', 'complete', 'E4D5BDA3B19BBD80', false],
    ]);
    // AES-GCM: `Hash: None`, no integrity algorithm
    expect(a.negotiations[0]!.ikeSa!.shown).toMatchObject({ encryption: 'AES-GCM', integrity: null, group: 21, ids: { remote: 'example-r46.flex.example.com' } });
    // only the second lists `NAT-T is detected  outside`: NAT_T there, nothing on the other two
    expect(a.negotiations.map((n) => n.findings.map((f) => `${f.code} ${f.lines.map((l) => l.line).join(',')}`))).toEqual([[], ['NAT_T 44'], []]);
    expect(a.negotiations.every((n) => n.childSas?.length === 0)).toBe(true);
    expect(a.input.unrecognized).toEqual([]);
  },
  'show-ikev2-sa-ipv6-two-ready-genie.log': (a) => {
    // the addresses on the lines under each row; SPIs listed, but which end initiated is not: no SPI pair, no role
    expect(a.negotiations.map((n) => [n.role, n.local, n.peer, n.ikeSa?.spis, n.ikeSa?.shown?.spis?.local])).toEqual([
      ['unknown', '2001:DB8:1101::131', '2001:DB8:1201::122', null, '4CF87E32B25302C0'],
      ['unknown', '2001:DB8:1101::131', '2001:DB8:1202::123', null, 'DE66CA8E9F3AB6BD'],
    ]);
    expect(a.negotiations.map((n) => n.ikeSa?.outcome)).toEqual(['complete', 'complete']);
    expect(a.input.unrecognized).toEqual([]);
  },
  'show-ikev2-sa-one-ready-ipv6-empty-genie.log': (a) => {
    // the IPv6 list is empty: one negotiation, from the IPv4 row
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ ikeVersion: 2, role: 'unknown', local: '66.66.66.1', peer: '66.66.66.2', findings: [] });
    expect(n.ikeSa).toMatchObject({ spis: null, outcome: 'complete', implied: true });
    expect(n.ikeSa!.shown).toMatchObject({ status: 'READY', encryption: 'AES-CBC', keySize: 128, prf: 'SHA1', integrity: 'SHA96', group: 16, lifetimeSeconds: 86400, activeSeconds: 735, spis: null });
  },
  'show-ikev2-session-detailed-two-children-genie.log': (a) => {
    expect(a.negotiations.map((n) => [n.role, n.local, n.peer, n.ikeSa?.shown?.sessionStatus])).toEqual([
      ['initiator', '1.1.1.1', '1.1.1.2', 'UP-ACTIVE'],
      ['initiator', '1.1.1::1', '1.1.1::2', 'UP-ACTIVE'],
    ]);
    const n = a.negotiations[0]!;
    expect(n.ikeSa!.spis).toEqual({ initiator: '6F86196AB2C574E3', responder: '74AD695CF23C4805' });
    expect(n.childSas).toEqual([
      {
        messageId: null,
        outcome: 'complete',
        transform: 'AES-CBC 256 SHA256 tunnel',
        spis: { inbound: '0x232CB82D', outbound: '0x30767B6E' },
        trafficSelectors: { local: ['30.10.10.0/0 - 50.10.10.255/65535', '20.10.10.0/0 - 40.10.10.255/65535'], remote: ['172.17.2.0/0 - 172.17.2.255/65535', '172.17.2.0/0 - 172.17.3.255/65535'] },
        refusal: null,
      },
      { messageId: null, outcome: 'complete', transform: 'AES-CBC 256 SHA256 tunnel', spis: { inbound: '0x232CB82D', outbound: '0x30767B6E' }, trafficSelectors: { local: ['20.10.10.0/0 - 40.10.10.255/65535'], remote: ['50.20.20.0/0 - 60.20.20.255/65535'] }, refusal: null },
    ]);
    expect(a.input.unrecognized).toEqual([]);
  },
  'show-ikev2-session-algorithms-line-cut-mid-word-rsa-crypto-map-gre-otus-lab.log': (a) => {
    // the terminal cut the algorithms line inside a word (`…, Auth sign: RSA, Au` then `th verify: RSA`): the two
    // lines are one, the peer's RSA signature verified as the first line's own
    expect(a.negotiations.map((n) => [n.local, n.peer, n.ikeSa?.outcome, n.childSas?.length])).toEqual([['20.10.20.2', '20.20.10.2', 'complete', 1]]);
    expect(a.negotiations[0]!.ikeSa!.shown).toMatchObject({ status: 'READY', sessionStatus: 'UP-ACTIVE', encryption: 'AES-CBC', keySize: 256, prf: 'SHA1', integrity: 'SHA96', group: 2, authSign: 'RSA', authVerify: 'RSA' });
    const rest = text('show-ikev2-session-algorithms-line-cut-mid-word-rsa-crypto-map-gre-otus-lab.log').split('\n').indexOf('th verify: RSA') + 1;
    expect(lineInfo(a, { file: 0, line: rest })).toMatchObject({ kind: 'show', annotation: "The rest of the algorithms line: verifies the peer's RSA." });
    // SHA1 (HMAC-SHA1-96) is not weak by FN72510's list; DH group 2 on the cut line (line 10) is
    expect(a.negotiations[0]!.findings.map((f) => [f.code, f.lines.map((l) => l.line)])).toEqual([['WEAK_CRYPTO', [10]]]);
    expect(a.input.unrecognized).toEqual([]);
  },
  'show-ikev2-sa-three-ready-rows-padded-where-broken-rsa-dmvpn-hub-otus-lab.log': (a) => {
    // each row broken in its VRF column and the join padded (`none/      none`): still a row, one IKE SA each
    expect(a.negotiations.map((n) => [n.local, n.peer, n.ikeSa?.outcome, n.ikeSa?.shown?.status, n.ikeSa?.shown?.activeSeconds])).toEqual([
      ['10.10.0.29', '10.10.0.82', 'complete', 'READY', 11983],
      ['10.10.0.29', '12.10.0.2', 'complete', 'READY', 10],
      ['10.10.0.29', '10.10.0.89', 'complete', 'READY', 11572],
    ]);
    // `Auth       sign: RSA`: the padding inside the key is one space
    for (const n of a.negotiations) expect(n.ikeSa!.shown).toMatchObject({ encryption: 'AES-CBC', keySize: 128, integrity: 'MD596', group: 2, authSign: 'RSA', authVerify: 'RSA' });
    // each SA's MD596 and DH group 2, on its own algorithms line: WEAK_CRYPTO on each negotiation, the show line its evidence
    expect(a.negotiations.map((n) => n.findings.map((f) => [f.code, f.severity, f.lines.map((l) => l.line), f.message]))).toEqual([
      [['WEAK_CRYPTO', 'warning', [8], undefined]],
      [['WEAK_CRYPTO', 'warning', [13], undefined]],
      [['WEAK_CRYPTO', 'warning', [18], undefined]],
    ]);
    expect(a.negotiations[0]!.findings[0]!.summary).toMatch(/^Show output lists the IKE SA that uses MD596, DH group 2 \(line 8\)\./);
    expect(a.input.unrecognized).toEqual([]);
  },
};

function expectGolden(file: URL, json: string): void {
  if (process.env.UPDATE_GOLDENS === '1') writeFileSync(file, json);
  if (!existsSync(file)) expect.fail(`no golden file ${file.pathname}: write it with UPDATE_GOLDENS=1 npx vitest run src/core/negotiation/ikev2/show-alone.test.ts, then review it`);
  expect(json).toBe(readFileSync(file, 'utf8'));
}

describe('IKEv2 show output', () => {
  test('every file has its expectations written down, and its source', () => {
    expect(Object.keys(expectations).sort()).toEqual(files);
    for (const f of files) expect(text(f).startsWith('# source: ')).toBe(true);
  });
  for (const f of files) {
    test(`${f}: what the output says`, () => expectations[f]?.(run(f)));
    test(`${f}: golden`, () => expectGolden(new URL(`${f.replace(/\.log$/, '')}.json`, goldens), analysisJsonText(run(f))));
  }

  // The algorithms each file's SAs are listed with, judged by IKEv2's WEAK_CRYPTO thresholds (DES, 3DES, MD5, DH
  // group 1, 2 or 5): a warning exactly where one is listed; AES-GCM, SHA1/SHA96, SHA256 and groups 14, 16, 19, 21 give none.
  const weakListed: Record<string, number> = {
    'show-crypto-session-detail-ikev2-sa-two-tunnels-azure-doc.log': 2,
    'show-ikev2-sa-asa-ipv6-two-children-genie.log': 1,
    'show-ikev2-sa-detailed-4500-nat-t-not-detected-flexvpn-hub-vyos-doc.log': 1,
    'show-ikev2-sa-in-neg-unknown-crypto-ipsec-sa-active-gre-otus-lab.log': 1,
    'show-ikev2-session-algorithms-line-cut-mid-word-rsa-crypto-map-gre-otus-lab.log': 1,
    'show-ikev2-sa-three-ready-rows-padded-where-broken-rsa-dmvpn-hub-otus-lab.log': 3,
  };
  test('WEAK_CRYPTO where the listed algorithms are weak, and only there', () => {
    const counts = Object.fromEntries(files.map((f) => [f, run(f).negotiations.filter((n) => n.findings.some((x) => x.code === 'WEAK_CRYPTO')).length]));
    expect(Object.fromEntries(Object.entries(counts).filter(([, c]) => c > 0))).toEqual(weakListed);
  });
  test('an empty list gives no negotiation and no finding', () => {
    // the first lines of a real output, before its first row: the header of an empty list
    const head = text('show-ikev2-sa-one-ready-ipv6-empty-genie.log').split('\n').slice(0, 5).join('\n');
    expect(head).toContain('Tunnel-id Local');
    const a = analyze([{ name: 'empty', text: head }]);
    expect(a.negotiations).toEqual([]);
    expect(a.input.unrecognized).toEqual([]);
  });

  test('show output of the SA a debug log negotiated ties to it by the SPI pair', () => {
    const debug = readFileSync('fixtures/corpus/11-ikev2-iosxe-ipv6-vti-auth-no-proposal-chosen-initiator.log', 'utf8');
    // hand-written: no public capture holds a router's debug and its show output of the same SA; these are the
    // genie row and lines with corpus 11's addresses and SPIs put in
    const show = [
      'R1#show crypto ikev2 sa detailed',
      'Tunnel-id Local                 Remote                fvrf/ivrf            Status ',
      '1         FC00:123:123:123::2/500 FC00:123:123:123::1/500 none/none            READY  ',
      '      Encr: AES-CBC, keysize: 256, PRF: SHA512, Hash: SHA512, DH Grp:5, Auth sign: PSK, Auth verify: PSK',
      '      Local spi: 1D418169B24BF95A       Remote spi: A645046F734260C6',
    ].join('\n');
    const a = analyze([{ name: '11', text: debug }, { name: 'show', text: show }]);
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n.ikeSa!.messages.length).toBeGreaterThan(4);
    expect(n.ikeSa!.shown).toMatchObject({ status: 'READY', group: 5, spis: { local: '1D418169B24BF95A', remote: 'A645046F734260C6' } });
    // the show lines belong to that negotiation on the page
    const record = a.lineTables[1]!.records[2]!;
    expect(a.records.negotiation[record]).toBe(0);
  });

  test('show crypto ikev2 stats after its command: the rule above the heading is read too', () => {
    // hand-written prompt (the genie capture has none) before the real output
    const a = analyze([{ name: 'stats', text: `Router#show crypto ikev2 stats\n${text('show-crypto-ikev2-stats-strength-enforcement-rejects-ppk-genie.log').split('\n').slice(2).join('\n')}` }]);
    expect(a.lineTables[0]!.kinds.slice(1, 21).every((k) => k === LINE_KIND_CODE.show)).toBe(true);
    expect(a.negotiations).toEqual([]);
  });

  test('show output of another SA stays a negotiation of its own', () => {
    const debug = readFileSync('fixtures/corpus/11-ikev2-iosxe-ipv6-vti-auth-no-proposal-chosen-initiator.log', 'utf8');
    const a = analyze([{ name: '11', text: debug }, { name: 'show', text: text('show-ikev2-sa-detailed-three-responder-genie.log') }]);
    expect(a.negotiations.map((n) => n.ikeSa?.shown === undefined)).toEqual([true, false, false, false]);
  });
});
