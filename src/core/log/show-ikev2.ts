/**
 * Output of `show crypto ikev2 sa` (and `detailed`) and `show crypto ikev2 session` (and `detailed`) on IOS and
 * IOS-XE: one event per line that tells of an IKE SA (its row, addresses, algorithms, lifetime, SPIs, which end
 * initiated it, the session's status) or of a child SA (selectors, SPIs, algorithms); `info` for the rest.
 * Lines as genieparser's captures and course notes print them (fixtures/ikev2/show/README.md); their union in show-ikev2-line.ts.
 */
import type { IkeEventBody } from './events.ts';
import type { Ikev2ShowLine } from './show-ikev2-line.ts';
import { printedCount } from '../ike/numbers.ts';
import { ikev2DetailWords } from './show-ikev2-describe.ts';
import { ikev2StatsLine } from './show-ikev2-stats.ts';

/** Which part of the output the lines belong to: the IKE SA's lines, or a child SA's after `Child sa:`. */
export interface Ikev2ShowState {
  child: boolean;
  /**
   * The start of a word the terminal's width cut off the end of the algorithms line (`…, Auth sign: RSA, Au`),
   * whose rest opens the next line (`th verify: RSA`).
   */
  cut?: string | undefined;
}

/** Spaces may follow the VRF column's slash where a publication broke the row and padded the join (`none/      none`). */
const ROW = /^(\d{1,10}) +(\S{1,64})\/(\d{1,5}) +(\S{1,64})\/(\d{1,5}) +([^\s/]{1,32})\/ *(\S{1,32}) +([A-Z][A-Z-]{1,20})$/;
/** The ASA's row: no VRF column, this end's role after the status. */
const ROW_ASA = /^(\d{1,10}) +(\S{1,64})\/(\d{1,5}) +(\S{1,64})\/(\d{1,5}) +([A-Z][A-Z-]{1,20}) +(INITIATOR|RESPONDER)$/;
const ROW_V6 = /^(\d{1,10}) +([^\s/]{1,32})\/(\S{1,32}) +([A-Z][A-Z-]{1,20})$/;
const ADDRESS = /^(Local|Remote) +(\S{1,64})\/(\d{1,5})$/;
const LIFE = /^Life\/Active Time: (\d{1,10})\/(\d{1,10}) sec/;
const SPIS = /^Local spi: ([\dA-F]{16}) +Remote spi: ([\dA-F]{16})/i;
const SESSION = /^Session-id:(\d{1,10}), Status:([A-Z-]{2,30})(?:, IKE count:(\d{1,6}))?(?:, CHILD count:(\d{1,6}))?/;
const SELECTOR = /^(?:Child sa: *)?(local|remote) selector +(\S{1,64} - \S{1,64})/;
const CHILD_SPIS = /^(ESP|AH) spi in\/out: (0x[\dA-F]{1,8})\/(0x[\dA-F]{1,8})/i;

/** A row's text: the lexer takes its tunnel id (`1         FC00::2/500 …`) for a pastebin line number, and keeps it here. */
export function ikev2ShowText(raw: string, body: string): string {
  const t = raw.trim();
  const c0 = t.charCodeAt(0);
  return c0 >= 48 && c0 <= 57 && t.length > body.length && t.endsWith(body) ? t : body;
}

/** Lines that begin a block of IKEv2 show output even without the command before them. */
export function startsIkev2Show(t: string): boolean {
  return t.startsWith('Tunnel-id ') || t === 'IKEv2 SAs:' || t === 'Crypto IKEv2 SA Statistics' || ((t.startsWith('IPv4 Crypto IKEv2') || t.startsWith('IPv6 Crypto IKEv2')) && t.length < 40);
}

/**
 * `Encr: AES-CBC, keysize: 128, PRF: SHA1, …`: each `key: value`, keys lower-cased, a run of spaces inside a key
 * (`Auth       sign:`, a publication's padding where it broke the line) one space; `mode tunnel` as mode.
 */
function pairs(t: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of t.split(',')) {
    const p = part.trim();
    const colon = p.indexOf(':');
    if (colon > 0) out.set(p.slice(0, colon).trim().toLowerCase().replace(/\s+/g, ' '), p.slice(colon + 1).trim());
    else if (p.startsWith('mode ')) out.set('mode', p.slice(5).trim());
  }
  return out;
}

/** The word cut off the end of an algorithms line: its last part when that holds no `key:` yet (`Au`), else undefined. */
function cutWord(t: string): string | undefined {
  const last = t.slice(t.lastIndexOf(',') + 1).trim();
  return last.length > 0 && !last.includes(':') ? last : undefined;
}

/** The keys an algorithms line holds after `Encr:`, in the order IOS prints them: a broken line's rest opens with one. */
const LATER_KEYS = ['keysize:', 'PRF:', 'Hash:', 'DH Grp:', 'Auth sign:', 'Auth verify:'];

/** The rest of a broken algorithms line, whole (`Auth verify: RSA`) or after a word it cut (`th verify: RSA` after `…, Au`). */
function cryptoRest(t: string, cut: string | undefined): Ikev2ShowLine | null {
  const whole = cut !== undefined && LATER_KEYS.some((k) => k.startsWith(cut)) ? cut + t : t;
  if (!LATER_KEYS.some((k) => whole.startsWith(k))) return null;
  const p = pairs(whole);
  const group = printedCount(p.get('dh grp'));
  const hash = p.get('hash');
  return { kind: 'crypto-rest', prf: agreed(p.get('prf')), hash: hash === 'None' ? null : agreed(hash), group: group === 0 ? null : group, authSign: agreed(p.get('auth sign')), authVerify: agreed(p.get('auth verify')) };
}

/** An algorithm as printed, or null for none: an SA still negotiating prints `Encr: Unknown - 0, PRF: Unknown - 0, …`. */
function agreed(v: string | undefined): string | null {
  return v === undefined || v === '' || v.startsWith('Unknown') ? null : v;
}

function hexSpi(s: string): string {
  return `0x${s.slice(2).toUpperCase()}`;
}

/** The meaning of one line of IKEv2 show output (trimmed), or null when it is not one. */
export function ikev2ShowLine(t: string, state: Ikev2ShowState): Ikev2ShowLine | IkeEventBody | null {
  const cut = state.cut;
  state.cut = undefined;
  const c0 = t.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) {
    const row = ROW.exec(t);
    if (row !== null) {
      state.child = false;
      return { kind: 'row', tunnelId: Number(row[1]), local: row[2] ?? null, localPort: Number(row[3]), remote: row[4] ?? null, remotePort: Number(row[5]), fvrf: row[6] ?? '', ivrf: row[7] ?? '', status: row[8] ?? '', initiator: null };
    }
    const asa = ROW_ASA.exec(t);
    if (asa !== null) {
      state.child = false;
      return { kind: 'row', tunnelId: Number(asa[1]), local: asa[2] ?? null, localPort: Number(asa[3]), remote: asa[4] ?? null, remotePort: Number(asa[5]), fvrf: '', ivrf: '', status: asa[6] ?? '', initiator: asa[7] === 'INITIATOR' };
    }
    const v6 = ROW_V6.exec(t);
    if (v6 !== null) {
      state.child = false;
      return { kind: 'row', tunnelId: Number(v6[1]), local: null, localPort: null, remote: null, remotePort: null, fvrf: v6[2] ?? '', ivrf: v6[3] ?? '', status: v6[4] ?? '', initiator: null };
    }
    return { type: 'info', text: t };
  }
  if (startsIkev2Show(t)) return { type: 'info', text: t };
  const address = ADDRESS.exec(t);
  if (address !== null) return { kind: 'address', which: address[1] === 'Local' ? 'local' : 'remote', address: address[2] ?? '', port: Number(address[3]) };
  if (t.startsWith('Encr:') || t.startsWith('ah_hmac:')) {
    const p = pairs(t);
    if (state.child || t.startsWith('ah_hmac:') || p.has('esp_hmac')) {
      return { kind: 'child-crypto', encryption: p.get('encr') ?? null, keySize: printedCount(p.get('keysize')), integrity: p.get('esp_hmac') ?? null, mode: p.get('mode') ?? null };
    }
    const hash = p.get('hash');
    const group = printedCount(p.get('dh grp'));
    state.cut = cutWord(t);
    return {
      kind: 'crypto',
      encryption: agreed(p.get('encr')),
      keySize: printedCount(p.get('keysize')),
      prf: agreed(p.get('prf')),
      hash: hash === 'None' ? null : agreed(hash),
      // `DH Grp:0`: no group agreed yet
      group: group === 0 ? null : group,
      authSign: agreed(p.get('auth sign')),
      authVerify: agreed(p.get('auth verify')),
    };
  }
  const rest = cryptoRest(t, cut);
  if (rest !== null) return rest;
  const life = LIFE.exec(t);
  if (life !== null) return { kind: 'life', lifetimeSeconds: Number(life[1]), activeSeconds: Number(life[2]) };
  const spis = SPIS.exec(t);
  if (spis !== null) return { kind: 'spis', local: (spis[1] ?? '').toUpperCase(), remote: (spis[2] ?? '').toUpperCase() };
  if (t.startsWith('Status Description:')) return { kind: 'description', text: t.slice(19).trim() };
  if (t.startsWith('Initiator of SA :')) return { kind: 'initiator', initiator: t.slice(17).trim().startsWith('Yes') };
  if (t.startsWith('Local id:') || t.startsWith('Remote id:')) {
    const local = t.startsWith('Local');
    return { kind: 'id', which: local ? 'local' : 'remote', id: t.slice(local ? 9 : 10).trim() };
  }
  const session = SESSION.exec(t);
  if (session !== null) {
    state.child = false;
    return { kind: 'session', sessionId: Number(session[1]), status: session[2] ?? '', ikeCount: printedCount(session[3]), childCount: printedCount(session[4]) };
  }
  if (t.startsWith('Child sa:') || t.startsWith('local selector') || t.startsWith('remote selector')) {
    const opens = t.startsWith('Child sa:');
    if (opens) state.child = true;
    const s = SELECTOR.exec(t);
    return { kind: 'child-selector', opens, which: s === null ? null : s[1] === 'local' ? 'local' : 'remote', range: s?.[2] ?? null };
  }
  const childSpis = CHILD_SPIS.exec(t);
  if (childSpis !== null) return { kind: 'child-spis', protocol: childSpis[1]?.toUpperCase() === 'AH' ? 'AH' : 'ESP', inbound: hexSpi(childSpis[2] ?? '0x0'), outbound: hexSpi(childSpis[3] ?? '0x0') };
  if (t.startsWith('NAT-T is ')) {
    const detected = !t.startsWith('NAT-T is not');
    return { kind: 'nat', detected, where: !detected ? null : t.endsWith('inside') ? 'inside' : t.endsWith('outside') ? 'outside' : null };
  }
  for (const k of INFO) {
    if (!t.startsWith(k)) continue;
    const words = ikev2DetailWords(t);
    return words === null ? { type: 'info', text: t } : { type: 'info', text: t, words };
  }
  return ikev2StatsLine(t);
}

const INFO = [
  'CE id:', 'PQC Key Exchange', 'Quantum-safe', 'Remote EAP id:', 'Local req msg id:', 'Local next msg id:', 'Local req queued:', 'Local queue msg id:',
  'Local window:', 'DPD configured', 'Fragmentation', 'IETF Std Fragmentation', 'Dynamic Route Update', 'Extended Authentication', 'Cisco Trust Security',
  'Pushed IP address', 'Assigned host addr', 'Remote subnets:', 'PEER TYPE:', 'CPI in/out:',
];
