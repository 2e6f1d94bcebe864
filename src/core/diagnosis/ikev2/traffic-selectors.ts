/**
 * P2_PROXY_MISMATCH for IKEv2: the child SA's traffic selectors refused: TS_UNACCEPTABLE in a response, or an
 * ASA responder finding no crypto map entry for them (it then answers NO_PROPOSAL_CHOSEN).
 * | line | log |
 * |---|---|
 * | `IKEv2-PLAT-2: (27): Crypto Map: No proxy match on map VPN_MAP seq 1` | ASA responder, corpus 32 |
 * | `IKEv2-PROTO-1: (27): Expected Policies:` (nothing after it) | corpus 32 |
 * | IKE_AUTH response `(27):  NOTIFY(NO_PROPOSAL_CHOSEN)(27):   Next payload: NONE, …` | corpus 32 |
 * | `IKEv2-PLAT-2: Crypto map VPN_MAP seq 1 is incomplete due to missing ACL` | ASA responder, corpus 39 |
 * | `IKEv2-PLAT-2: (2): Crypto map VPN_MAP seq 1  peer doesn't match map entry` | ASA responder whose peer is behind NAT, fixtures/partial (CAIDA `resp_error_no_peer_crymap_Nat-T.txt`) |
 * | a response with NOTIFY(TS_UNACCEPTABLE) | no IOS or ASA debug text in the corpus yet (IKEv2.md, Gaps) |
 */
import type { Negotiation } from '../../analysis.ts';
import { finding, type DiagnosedFinding } from '../finding.ts';
import { linesWords, refusedBy, routerName, type Cited } from './evidence.ts';

/** An ASA whose crypto map entry lacks its ACL cannot match any traffic selectors: it refuses the child SA. */
function incompleteMap(n: Negotiation, incomplete: readonly Cited[]): DiagnosedFinding[] {
  const first = incomplete[0]!;
  const l = first.line.kind === 'crypto-map-incomplete' ? first.line : null;
  const refusal = refusedBy(n, 'NO_PROPOSAL_CHOSEN').filter((m) => m.name !== 'IKE_SA_INIT');
  const entry = `crypto map ${l?.map ?? '?'} seq ${l?.seq ?? '?'}`;
  return [
    finding({
      code: 'P2_PROXY_MISMATCH',
      severity: 'error',
      lines: [...incomplete.map((x) => x.at), ...refusal.flatMap((m) => m.lines.slice(0, 1))],
      summary: `${routerName(n, first.side)}'s ${entry} is incomplete: it has no ${l?.missing ?? 'ACL'} (${linesWords(incomplete.map((x) => x.at))}), so no traffic selectors can match it and the child SA was refused${refusal.length > 0 ? ' with NO_PROPOSAL_CHOSEN' : ''}.`,
      fix: `Give the entry its crypto ACL: \`crypto map ${l?.map ?? 'MAP'} ${l?.seq ?? 'N'} match address ACL\` with an \`access-list\` that mirrors the peer's (and check \`show running-config crypto map\` for the entry's other required lines: \`set peer\`, \`set ikev2 ipsec-proposal\`).`,
      message: `${refusal[0]?.name ?? 'IKE_AUTH'}.response`,
      side: first.side ?? 'responder',
    }),
  ];
}

/**
 * An ASA whose crypto map entry names another peer (`set peer`) skips it: with no entry for this peer it has no IPsec
 * proposal to offer, and refuses the child SA as it refuses unmirrored ACLs. The peer's own identity, when it is
 * an address the packets do not come from, says a NAT changed it on the way.
 */
function otherPeerMap(n: Negotiation, c: readonly Cited[], skipped: readonly Cited[]): DiagnosedFinding[] {
  const first = skipped[0]!;
  const l = first.line.kind === 'crypto-map-other-peer' ? first.line : null;
  const refusal = refusedBy(n, 'NO_PROPOSAL_CHOSEN').filter((m) => m.name !== 'IKE_SA_INIT');
  const entry = `crypto map ${l?.map ?? '?'} seq ${l?.seq ?? '?'}`;
  const seen = n.peer;
  const named = c.find((x) => x.line.kind === 'psk' && !x.line.own && x.line.id !== seen && /^[\d.]{7,15}$|:/.test(x.line.id));
  const natFound = c.filter((x) => x.line.kind === 'nat' && x.line.found === true);
  const translated = natFound.length > 0 ? `: a NAT in the path translates it (${linesWords(natFound.map((x) => x.at))})` : '';
  const nat = named?.line.kind === 'psk' && seen !== null
    ? ` The peer's identity is the address ${named.line.id} (line ${named.at.line}), yet its packets come from ${seen}${translated}.`
    : '';
  return [
    finding({
      code: 'P2_PROXY_MISMATCH',
      severity: 'error',
      lines: [...skipped.map((x) => x.at), ...(named === undefined ? [] : [named.at]), ...refusal.flatMap((m) => m.lines.slice(0, 1))],
      summary: `${routerName(n, first.side)}'s ${entry} is for another peer (${linesWords(skipped.map((x) => x.at))}): its \`set peer\` does not name ${seen ?? 'this peer'}, so no entry applies to the child SA and it was refused${refusal.length > 0 ? ' with NO_PROPOSAL_CHOSEN' : ''}.${nat}`,
      fix: `Name the peer in the entry as this end sees it: \`crypto map ${l?.map ?? 'MAP'} ${l?.seq ?? 'N'} set peer ${seen ?? 'PEER'}\` (its address after any NAT), or add an entry for it whose ACL mirrors the peer's.`,
      message: `${refusal[0]?.name ?? 'IKE_AUTH'}.response`,
      side: first.side ?? 'responder',
    }),
  ];
}

export function trafficSelectorMismatch(n: Negotiation, c: readonly Cited[]): DiagnosedFinding[] {
  const noProxy = c.filter((x) => x.line.kind === 'no-proxy-match');
  const unacceptable = refusedBy(n, 'TS_UNACCEPTABLE');
  const incomplete = c.filter((x) => x.line.kind === 'crypto-map-incomplete');
  const otherPeer = c.filter((x) => x.line.kind === 'crypto-map-other-peer');
  if (noProxy.length === 0 && unacceptable.length === 0 && otherPeer.length > 0) return otherPeerMap(n, c, otherPeer);
  if (noProxy.length === 0 && unacceptable.length === 0 && incomplete.length > 0) return incompleteMap(n, incomplete);
  if (noProxy.length === 0 && unacceptable.length === 0) return [];
  const refusal = [...unacceptable, ...refusedBy(n, 'NO_PROPOSAL_CHOSEN').filter((m) => m.name !== 'IKE_SA_INIT')];
  const first = noProxy[0];
  const map = first?.line.kind === 'no-proxy-match' ? first.line.map : null;
  const ts = n.childSas?.[0]?.trafficSelectors ?? null;
  // TSi are the initiator's own addresses: `local` unless the log is the responder's
  const [tsi, tsr] = ts === null ? [[], []] : n.role === 'responder' ? [ts.remote, ts.local] : [ts.local, ts.remote];
  const selectors = ts !== null ? ` The initiator asked for TSi ${tsi.join(', ')} ↔ TSr ${tsr.join(', ')}.` : '';
  const what = first !== undefined
    ? `${routerName(n, first.side)}'s crypto map ${map ?? ''} has no entry whose ACL matches the peer's traffic selectors (${linesWords(noProxy.map((x) => x.at))}), so it refused the child SA${unacceptable.length > 0 ? ' (TS_UNACCEPTABLE)' : ' with NO_PROPOSAL_CHOSEN, the notify an ASA sends for this too'}`
    : `${routerName(n, 'responder')} refused the child SA's traffic selectors (TS_UNACCEPTABLE)`;
  return [
    finding({
      code: 'P2_PROXY_MISMATCH',
      severity: 'error',
      lines: [...noProxy.map((x) => x.at), ...refusal.flatMap((m) => m.lines.slice(0, 1))],
      summary: `${what}: the two ends' crypto ACLs (or tunnel selectors) are not mirror images.${selectors}`,
      fix: "Make the crypto ACLs mirror images: the `access-list` the crypto map's `match address` names on one end must be the other end's with source and destination swapped (VTIs: both ends' tunnel protection selects any/any).",
      message: `${refusal[0]?.name ?? 'IKE_AUTH'}.response`,
      side: first?.side ?? 'responder',
    }),
  ];
}
