/**
 * WEAK_CRYPTO for IKEv2: a proposal the log prints (offered, received or configured) uses DES, 3DES, MD5 or
 * DH group 1, 2 or 5, or the ASA warns that the IKE SA's cipher is weaker than the child SA's it protects.
 * It works; the finding says what to strengthen.
 * | line | log |
 * |---|---|
 * | `IKEv2-PROTO-2: Selected IKEv2 encryption algorithm (AES-CBC-128) is not strong enough to secure proposed IPsec encryption algorithm (AES-CBC-256).` | ASA initiator, corpus 38 |
 * | `IKEv2-PROTO-1: (24): Expected Policies:` + `Proposal 1:  AES-CBC-128 SHA1 SHA256 DH_GROUP_1024_MODP/Group 2` | ASA responder, corpus 40 |
 * | `IKE Proposal: 1, …` + `… MD5 … DH_GROUP_1536_MODP/Group 5   DH_GROUP_1024_MODP/Group 2` (the 16.7 default proposal) | IOS-XE initiator, corpus 11, 24 |
 * | `Encr: AES-CBC, keysize: 128, Hash: MD596, DH Grp:2, Auth sign: RSA, Auth verify: RSA` of `show crypto ikev2 sa` | DMVPN hub, fixtures/ikev2/show (OTUS lab) |
 * | `Encr: 3DES, Hash: SHA96, DH Grp:2, …` of an ASA's `show crypto ikev2 sa` | fixtures/ikev2/show (genie) |
 * | `transform: esp-aes esp-md5-hmac ,` of `show crypto ipsec sa` beside IKEv2 output: the child SA's | fixtures/ikev2/show (OTUS lab) |
 *
 * Show output proves what an SA uses as much as a proposal does: an SA only show output lists is judged by the
 * same names, and said as listed by it, its lines the evidence.
 */
import type { Negotiation } from '../../analysis.ts';
import { isWeakGroup, isWeakTransform } from '../../config/defaults.ts';
import type { LineRef } from '../../ike/line-ref.ts';
import { finding, type DiagnosedFinding } from '../finding.ts';
import { type Cited, linesWords, routerName } from './evidence.ts';

/** What a transform holding a weak name holds: most hold none, and are not cut into words. */
const MAYBE_WEAK = /DES|MD5|\/Group [125]\b/;

/** An algorithm as IKEv2 prints it that is weak: DES, 3DES (`3DES`, `DES-CBC`), MD5 (`MD5`, `MD596`). */
function isWeakWord(word: string): boolean {
  return /^3?DES(?:-CBC)?$/.test(word) || /^MD5(?:96)?$/.test(word);
}

/** The weak names among a proposal's printed transforms (`MD596`, `DH_GROUP_1024_MODP/Group 2`). */
function weakNames(transforms: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of transforms) {
    if (!MAYBE_WEAK.test(t)) continue;
    for (const word of t.split(/\s+/)) if (isWeakWord(word)) out.push(word);
    for (const g of t.matchAll(/\/Group (\d{1,2})\b/g)) if (isWeakGroup(Number(g[1]))) out.push(`DH group ${g[1]}`);
  }
  return out;
}

/** The weak algorithms one line of show output lists, by the same names, and whether they are the IKE SA's or a child SA's. */
function weakShown(e: Negotiation['evidence'][number]): { names: string[]; child: boolean } | null {
  if (e.type === 'show-ipsec-transform') return { names: e.transform.split(' ').filter((t) => (t.startsWith('esp-') || t.startsWith('ah-')) && isWeakTransform(t)), child: true };
  if (e.type !== 'show-ikev2') return null;
  const l = e.line;
  if (l.kind === 'child-crypto') return { names: [l.encryption, l.integrity].filter((w): w is string => w !== null && isWeakWord(w)), child: true };
  if (l.kind !== 'crypto' && l.kind !== 'crypto-rest') return null;
  const names = [l.kind === 'crypto' ? l.encryption : null, l.prf, l.hash].filter((w): w is string => w !== null && isWeakWord(w));
  if (l.group !== null && isWeakGroup(l.group)) names.push(`DH group ${l.group}`);
  return { names, child: false };
}

/** What show output lists of the SA's algorithms that is weak: the IKE SA's and its child SAs' names, each with the lines that list them. */
function shownWeak(n: Negotiation): { ike: Set<string>; child: Set<string>; ikeLines: LineRef[]; childLines: LineRef[] } {
  const out = { ike: new Set<string>(), child: new Set<string>(), ikeLines: [] as LineRef[], childLines: [] as LineRef[] };
  for (const e of n.evidence) {
    const weak = weakShown(e);
    if (weak === null || weak.names.length === 0) continue;
    for (const name of weak.names) (weak.child ? out.child : out.ike).add(name);
    (weak.child ? out.childLines : out.ikeLines).push(e.at);
  }
  return out;
}

export function weakCrypto(n: Negotiation, c: readonly Cited[]): DiagnosedFinding[] {
  const lines: LineRef[] = [];
  const parts: string[] = [];
  const weaker = c.filter((x) => x.line.kind === 'weaker-ike');
  for (const x of weaker) {
    if (x.line.kind !== 'weaker-ike') continue;
    lines.push(x.at);
    parts.push(`${routerName(n, x.side)} warns that the IKE SA's ${x.line.ike} is weaker than the ${x.line.ipsec} of the child SA it protects (${linesWords([x.at])})`);
  }
  const names = new Set<string>();
  const policyLines: LineRef[] = [];
  for (const x of c) {
    if (x.line.kind !== 'policies') continue;
    const found = weakNames(x.line.proposals);
    if (found.length === 0) continue;
    for (const f of found) names.add(f);
    policyLines.push(x.at);
  }
  const offered = n.ikeSa?.proposal?.transforms ?? [];
  const offeredWeak = weakNames(offered);
  for (const f of offeredWeak) names.add(f);
  if (offeredWeak.length > 0) {
    const first = n.ikeSa?.messages.find((m) => m.name === 'IKE_SA_INIT');
    if (first?.lines[0] !== undefined) policyLines.push(first.lines[0]);
  }
  if (names.size > 0) parts.push(`the IKE SA proposals printed include ${[...names].join(', ')}${policyLines.length > 0 ? ` (${linesWords(policyLines)})` : ''}`);
  // a debug line's warning or proposal happened in IKE_SA_INIT; show output shows no message
  const exchanged = parts.length > 0;
  const listed = shownWeak(n);
  if (listed.ike.size > 0) parts.push(`show output lists the IKE SA that uses ${[...listed.ike].join(', ')} (${linesWords(listed.ikeLines)})`);
  const children = (n.childSas ?? []).length > 1 ? 'child SAs that use' : 'the child SA that uses';
  if (listed.child.size > 0) parts.push(`show output lists ${children} ${[...listed.child].join(', ')} (${linesWords(listed.childLines)})`);
  if (parts.length === 0) return [];
  return [
    finding({
      code: 'WEAK_CRYPTO',
      severity: names.size + listed.ike.size + listed.child.size > 0 ? 'warning' : 'info',
      lines: [...lines, ...policyLines, ...listed.ikeLines, ...listed.childLines],
      summary: `${parts.join('; ')}. These are weaker than current guidance (AES-256, SHA-256, DH group 14 or an elliptic curve group).`,
      fix: 'Use AES-256 (or AES-GCM-256), SHA-256 or stronger and DH group 14, 19, 20 or 21 in the `crypto ikev2 proposal` on both ends (IOS-XE 16.x smart defaults still offer MD5 and groups 2 and 5: configure a proposal and the `crypto ikev2 policy` that names it), and an IKE SA cipher at least as strong as the child SA one (`crypto ipsec transform-set` / ASA `crypto ipsec ikev2 ipsec-proposal`).',
      message: exchanged ? 'IKE_SA_INIT' : null,
    }),
  ];
}
