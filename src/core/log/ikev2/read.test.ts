import { describe, expect, test } from 'vitest';
import type { IkeEvent } from '../events.ts';
import { readLog } from '../read-log.ts';
import type { Ikev2Line } from './line.ts';
import { corpusText, IKEV2_CORPUS } from '../../corpus.test-helper.ts';

const cache = new Map<number, { text: string; log: ReturnType<typeof readLog> }>();
function corpus(n: number): { text: string; log: ReturnType<typeof readLog> } {
  let hit = cache.get(n);
  if (hit === undefined) {
    const text = corpusText(n);
    hit = { text, log: readLog(text) };
    cache.set(n, hit);
  }
  return hit;
}

/** The first line of corpus file `n` that holds `text`. */
function lineOf(n: number, text: string): number {
  const i = corpus(n).text.split('\n').findIndex((l) => !l.startsWith('#') && l.includes(text));
  if (i < 0) throw new Error(`no line with ${text} in ${n}`);
  return i + 1;
}

/** The IKEv2 event of the record that `line` of corpus file `n` belongs to. */
function eventAt(n: number, line: number): Extract<IkeEvent, { type: 'ikev2' }> {
  const { log } = corpus(n);
  const record = log.lineRecords[line - 1];
  const e = log.events.find((x) => x.record === record);
  if (e === undefined || e.type !== 'ikev2') throw new Error(`no IKEv2 event at ${n}:${line}`);
  return e;
}

function annotationAt(n: number, line: number): string | null {
  const { log } = corpus(n);
  const record = log.lineRecords[line - 1] ?? -1;
  if (record < 0) return null;
  return log.records.annotations[log.records.annotation[record] ?? -1] ?? null;
}

const IKEV2_PREFIX = /^\s?(?:\*?[A-Z][a-z]{2} {1,2}\d{1,2} [\d:.]{8,12}: )?IKEv2(?:-[A-Z]{2,8}(?:-\d)?)?:/;

describe('every IKEv2 line of the corpus is read and said in plain words', () => {
  for (const key of IKEV2_CORPUS) {
    test(`corpus ${key}`, () => {
      const { text, log } = corpus(key);
      const lines = text.split('\n');
      const unread: string[] = [];
      lines.forEach((line, i) => {
        if (!IKEV2_PREFIX.test(line)) return;
        const kind = log.kinds[i];
        const words = annotationAt(key, i + 1);
        // a line with an IKEv2 prefix is the first line of its record, or (ASA) a continuation of the one above
        if (kind === 'debug' ? words === null : kind !== 'continuation') unread.push(`${i + 1}: ${line}`);
      });
      expect(unread).toEqual([]);
      expect(log.unrecognized.filter((u) => IKEV2_PREFIX.test(lines[u.line - 1] ?? ''))).toEqual([]);
    });
  }
  test('the packet block lines, transforms, decodes and hex dumps join their record (no IKEv2 text left as prose)', () => {
    for (const key of IKEV2_CORPUS) {
      const { text, log } = corpus(key);
      const prose = text
        .split('\n')
        .map((line, i) => ({ line, i }))
        .filter(({ line, i }) => log.kinds[i] === 'prose' && !line.startsWith('#') && /Initiator SPI|Exchange (?:REQUEST|RESPONSE)|Payload contents|Next payload|^\(\d+\):/.test(line));
      expect(prose.map((p) => `${key}:${p.i + 1}`)).toEqual([]);
    }
  });
});

interface Case {
  name: string;
  file: number;
  /** Text of a line of the record: its first line that holds it. */
  find: string;
  expect: Partial<Ikev2Line> & { kind: Ikev2Line['kind'] };
  words?: RegExp;
  prefix?: { facility: string; session?: number | null; sa?: number | null; level?: number | null };
}

const CASES: Case[] = [
  {
    name: 'IOS 16 packet block: addresses with ports after the last colon, SPIs, message ID, exchange, payloads',
    file: 11, find: 'Sending Packet',
    prefix: { facility: 'IKEv2', session: 31, sa: 1 },
    expect: {
      kind: 'packet',
      dir: 'out',
      peer: 'FC00:123:123:123::1',
      peerPort: 500,
      local: 'FC00:123:123:123::2',
      localPort: 500,
      spis: { initiator: '1D418169B24BF95A', responder: '0000000000000000' },
      messageId: 0,
      exchange: 'IKE_SA_INIT',
      response: false,
      payloads: ['SA', 'KE', 'N', 'VID', 'VID', 'VID', 'VID', 'NOTIFY(NAT_DETECTION_SOURCE_IP)', 'NOTIFY(NAT_DETECTION_DESTINATION_IP)'],
    },
    words: /^Sends the IKE_SA_INIT request to FC00:123:123:123::1, message ID 0/,
  },
  {
    name: 'IKE_AUTH response carrying the child SA refusal',
    file: 11, find: 'IKE_AUTH Exchange RESPONSE',
    expect: { kind: 'packet', dir: 'in', exchange: 'IKE_AUTH', response: true, messageId: 1, payloads: ['VID', 'IDr', 'AUTH', 'NOTIFY(NO_PROPOSAL_CHOSEN)'] },
  },
  { name: 'the cleartext list of an encrypted message', file: 11, find: 'Building packet for encryption', expect: { kind: 'payloads', payloads: ['VID', 'IDi', 'AUTH', 'CFG', 'SA', 'TSi', 'TSr', 'NOTIFY(INITIAL_CONTACT)', 'NOTIFY(USE_TRANSPORT_MODE)', 'NOTIFY(SET_WINDOW_SIZE)', 'NOTIFY(ESP_TFC_NO_SUPPORT)', 'NOTIFY(NON_FIRST_FRAGS)'] } },
  { name: 'SA ID only (crypto engine callback)', file: 11, find: 'DH key Computation PASSED', prefix: { facility: 'IKEv2', session: null, sa: 1 }, expect: { kind: 'step' } },
  { name: 'the empty error line', file: 11, find: 'IKEv2-ERROR:(SESSION ID = 31,SA ID = 1):', prefix: { facility: 'ERROR', session: 31, sa: 1 }, expect: { kind: 'error', code: 'empty' } },
  { name: 'IKE proposal over three lines', file: 11, find: 'IKE Proposal: 1', expect: { kind: 'proposal', protocol: 'IKE', number: 1 }, words: /AES-CBC .* DH_GROUP_1024_MODP\/Group 2\.$/ },
  { name: 'ESP proposal', file: 11, find: 'ESP Proposal: 1', expect: { kind: 'proposal', protocol: 'ESP', transforms: ['AES-CBC', 'SHA96', "Don't use ESN"] } },
  { name: '"create rekeyed IKEv2 SA" on a first negotiation is not a rekey', file: 11, find: 'create rekeyed IKEv2 SA', expect: { kind: 'step' }, words: /not a rekey/ },
  { name: 'is UP', file: 11, find: 'is UP', expect: { kind: 'up', ids: ['FC00:123:123:123::1', 'FC00:123:123:123::2'] } },
  { name: 'the PASSED typo', file: 11, find: 'authenctication data PASSED', expect: { kind: 'auth', passed: true } },
  { name: 'child SA delete', file: 11, find: 'for IPsec SA [SPI', expect: { kind: 'delete', dir: 'out', what: 'child', spi: 'A153CF67' } },
  { name: 'IKE SA delete', file: 11, find: 'for IKEv2 SA [ISPI', expect: { kind: 'delete', dir: 'out', what: 'ike', spis: { initiator: '1D418169B24BF95A', responder: 'A645046F734260C6' } } },
  { name: 'the acknowledgement of a DELETE: an empty list', file: 11, find: 'INFORMATIONAL Exchange RESPONSE', expect: { kind: 'packet', exchange: 'INFORMATIONAL', response: true, payloads: [] } },
  { name: 'IKE SA created with its lifetime', file: 11, find: 'IKEV2 SA created', expect: { kind: 'created', lifetimeSeconds: 86400 } },
  { name: 'smart default policy', file: 11, find: "Found Policy 'default'", expect: { kind: 'lookup', what: 'policy', name: 'default' } },
  { name: 'keyring', file: 11, find: 'Getting preshared key from profile keyring', expect: { kind: 'lookup', what: 'keyring', name: 'IKEV2-KEYRING' } },
  { name: 'retransmission', file: 24, find: 'Retransmitting packet', expect: { kind: 'retransmit' } },
  { name: 'Initial exchange failed (error facility)', file: 24, find: 'Initial exchange failed', prefix: { facility: 'ERROR', session: 31, sa: 1 }, expect: { kind: 'error', code: 'initial-exchange-failed' } },
  { name: 'syslog timestamp, first line with a leading space', file: 25, find: "Searching policy based on peer's identity", expect: { kind: 'identity', own: false, id: 'R1.LAB.LOCAL', idType: 'FQDN' } },
  { name: 'peer block without quotes', file: 25, find: 'Matched peer block SPOKE1', expect: { kind: 'lookup', what: 'peer-block', name: 'SPOKE1' } },
  { name: 'profile found', file: 25, find: 'found matching IKEv2 profile', expect: { kind: 'lookup', what: 'profile', name: 'IKEV2-PROFILE' } },
  {
    name: 'ASA SM Trace with its hex message ID',
    file: 29, find: 'CurState: IDLE Event: EV_INIT_SA',
    prefix: { facility: 'PROTO', level: 5, sa: 2 },
    expect: { kind: 'sm', spis: { initiator: 'DCA635040E30A6A3', responder: '0000000000000000' }, role: 'I', messageId: 0, state: 'IDLE', event: 'EV_INIT_SA' },
  },
  {
    name: 'ASA packet block: tagged continuations, the exchange line glued to the decode',
    file: 29, find: 'IKE_SA_INIT Exchange REQUESTIKEv2',
    expect: { kind: 'packet', dir: 'out', peer: '1.1.1.1', exchange: 'IKE_SA_INIT', response: false, messageId: 0, flags: ['INITIATOR'], payloads: ['SA', 'KE', 'N', 'VID', 'VID', 'NOTIFY(NAT_DETECTION_SOURCE_IP)', 'NOTIFY(NAT_DETECTION_DESTINATION_IP)', 'NOTIFY(IKEV2_FRAGMENTATION_SUPPORTED)', 'VID'] },
  },
  { name: 'ASA SENT PKT summary, MID in hex', file: 29, find: 'SENT PKT [IKE_SA_INIT]', prefix: { facility: 'PLAT', level: 3, sa: 2 }, expect: { kind: 'packet-summary', dir: 'out', exchange: 'IKE_SA_INIT', from: '1.1.1.2', to: '1.1.1.1', messageId: 0, spis: { initiator: 'DCA635040E30A6A3', responder: '0000000000000000' } } },
  { name: 'ASA message on the line after an empty prefix', file: 29, find: 'IKEv2 received all requested SPIs', expect: { kind: 'step' }, words: /SPI/ },
  { name: 'ASA tunnel group by peer IP', file: 29, find: 'mapped to tunnel group', expect: { kind: 'lookup', what: 'tunnel-group', name: '1.1.1.1' } },
  {
    name: "an ASA's empty list of expected policies says what it means, not a placeholder",
    file: 32,
    find: 'Expected Policies:',
    expect: { kind: 'policies', which: 'expected', proposals: [] },
    words: /^This router has no proposal to accept here \(its list is empty\): .*no crypto map entry with a transform set/,
  },
  { name: 'ASA responder evidence of a child proposal mismatch', file: 28, find: 'Received Policies:', expect: { kind: 'policies', which: 'received', proposals: ["ESP: Proposal 1:  AES-CBC-256 SHA256 Don't use ESN"] } },
  { name: 'ASA: no matching policy', file: 28, find: 'Failed to find a matching policy', expect: { kind: 'error', code: 'no-matching-policy' } },
  { name: 'ASA spelling of the auth failure', file: 26, find: "Verification of peer's authentication data FAILED", expect: { kind: 'auth', passed: false } },
  { name: 'IOS-XE error line without an SA prefix, its meaning its text', file: 48, find: 'Address type 2147516380 not supported', prefix: { facility: 'ERROR', session: null, sa: null }, expect: { kind: 'step' }, words: /address of a type it does not support .*names no SA and no peer/ },
  { name: 'ASA proposal check excerpt: the six proposals received', file: 46, find: 'Received Policies:', expect: { kind: 'policies', which: 'received' } },
];

describe('IKEv2 messages of each family (real corpus lines)', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const line = lineOf(c.file, c.find);
      const e = eventAt(c.file, line);
      expect(e.line).toMatchObject(c.expect);
      if (c.prefix) expect(e).toMatchObject(c.prefix);
      if (c.words) expect(annotationAt(c.file, line)).toMatch(c.words);
    });
  }
  test("an ASA's numbered authentication methods are told by their number, not always as a pre-shared key", () => {
    // corpus 37: the responder accepts method 9 from the peer, which sends 2
    expect(eventAt(37, lineOf(37, 'supported_peers_auth_method = 9')).line).toEqual({ kind: 'auth-method-code', whose: 'accepted', code: 9 });
    expect(annotationAt(37, lineOf(37, 'supported_peers_auth_method = 9'))).toMatch(/ECDSA .*\(9\)/);
    expect(eventAt(37, lineOf(37, 'peer auth method set to: 2')).line).toEqual({ kind: 'auth-method-code', whose: 'peer', code: 2 });
    expect(annotationAt(37, lineOf(37, 'my auth method set to: 0'))).toContain('none chosen yet');
    expect(annotationAt(29, lineOf(29, 'my_auth_method = 2'))).toContain('a pre-shared key (2)');
  });
  test('an empty trustpoint name is no trustpoint', () => {
    expect(annotationAt(29, lineOf(29, 'tp_name set to:'))).toContain('No trustpoint named');
    // written by hand (no real capture names one): the ASA's line with a trustpoint
    const e = readLog('IKEv2-PLAT-2: tp_name set to: ASA-CA\n').events[0];
    expect(e?.type === 'ikev2' ? e.line : null).toEqual({ kind: 'step', words: 'Trustpoint ASA-CA (for certificate authentication).' });
  });
  test('messages glued after the first are read too (ASA)', () => {
    const e = eventAt(26, lineOf(26, 'Construct Notify Payload: AUTHENTICATION_FAILEDIKEv2-PROTO-2'));
    expect(e.line).toEqual({ kind: 'notify', dir: 'out', notify: 'AUTHENTICATION_FAILED' });
    expect(e.also.map((l) => l.kind)).toContain('payloads');
  });
});

describe('a line wrapped at 80 columns', () => {
  test('is read whole: the rest of the line joins it', () => {
    // Derived, not captured: corpus 11's UP line cut at column 80 as a terminal wraps it; the corpus holds no
    // wrapped IKEv2 capture yet.
    const real = corpus(11).text.split('\n').find((l) => l.includes('is UP'))!;
    expect(real.length).toBeGreaterThan(80);
    const log = readLog(`${real.slice(0, 80)}\n${real.slice(80)}\n`);
    expect(log.kinds.slice(0, 2)).toEqual(['debug', 'continuation']);
    const e = log.events[0];
    expect(e?.type === 'ikev2' ? e.line : null).toEqual({ kind: 'up', ids: ['FC00:123:123:123::1', 'FC00:123:123:123::2'] });
  });
});

describe('a message a document broke at a space (Cisco TAC document 117337, corpus 41-43)', () => {
  test('an SM Trace line over three lines is one SM Trace', () => {
    const e = eventAt(41, lineOf(41, 'SM Trace-> SA:'));
    expect(e.line).toEqual({ kind: 'sm', spis: { initiator: 'E9E4B7FD0A336C97', responder: 'F2CF438C0CCA281C' }, role: 'R', messageId: 1, state: 'R_WAIT_AUTH', event: 'EV_GET_POLICY_BY_PEERID' });
    const at = lineOf(41, 'SM Trace-> SA:');
    expect(corpus(41).log.kinds.slice(at, at + 2)).toEqual(['continuation', 'continuation']);
  });
  test('the rest of a sentence joins it with the space the break took', () => {
    expect(eventAt(41, lineOf(41, 'Searching policy')).line).toEqual({ kind: 'identity', own: false, id: 'hostname=asa.cisco.com', idType: 'DER ASN1 DN' });
    expect(eventAt(41, lineOf(41, ':: Failed to')).line).toMatchObject({ kind: 'error', code: 'identity-not-found' });
    expect(eventAt(42, lineOf(42, 'Verify cert')).line).toMatchObject({ kind: 'error', code: 'cert-failed' });
  });
  test('a prefix cut before its colon is read whole (`…SA ID = 68)` then `:Verification …`)', () => {
    const last = corpus(42).text.split('\n').findIndex((l) => l.endsWith('SA ID = 68)')) + 1;
    expect(eventAt(42, last)).toMatchObject({ session: 14607, sa: 68, line: { kind: 'auth', passed: false } });
  });
  test('an ASA tag printed without its colon is a tag (`IKEv2-PLAT-3: (172) tg_name set to: …`)', () => {
    expect(eventAt(43, lineOf(43, 'tg_name set to'))).toMatchObject({ sa: 172, line: { kind: 'step' } });
  });
});
