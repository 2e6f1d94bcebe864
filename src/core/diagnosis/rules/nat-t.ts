/**
 * NAT_T: a NAT between the peers (NAT discovery in MM3/MM4): IKE moves to UDP 4500 and ESP goes in UDP. Shown also
 * by `show crypto ipsec sa` (an SA in UDP-Encaps, `current_peer X port 4500`). Informational.
 */
import type { LineRef } from '../../ike/line-ref.ts';
import type { Message, Negotiation } from '../../analysis.ts';
import { addRef } from '../config-fix.ts';
import { finding } from '../finding.ts';
import { at } from '../queries.ts';
import type { Rule } from '../rule.ts';
import type { IkeEvent } from '../../log/events.ts';

/**
 * `show crypto ipsec sa`: an SA in `{Tunnel UDP-Encaps, }` (ESP in UDP), a peer on `port 4500`; `show crypto isakmp
 * sa detail`: an ISAKMP SA with capability N (NAT-traversal).
 */
const isShownNat = (e: IkeEvent): boolean =>
  (e.type === 'show-ipsec-settings' && (e.encapsulation === 'tunnel-udp' || e.encapsulation === 'transport-udp')) ||
  (e.type === 'show-ipsec-peer' && e.port === 4500) ||
  (e.type === 'show-isakmp-detail' && e.capabilities.includes('N'));

const isNatEvidence = (e: IkeEvent): boolean =>
  (e.type === 'nat' && e.detected === true && (e.text.startsWith('NAT found') || e.text.startsWith('NAT-T') || e.text.startsWith('My hash no match'))) ||
  (e.type === 'packet' && (e.localPort === 4500 || e.peerPort === 4500)) ||
  (e.type === 'p2-attr' && e.attr === 'encaps' && /udp/i.test(e.value)) ||
  isShownNat(e);

/** What show output alone says: the SAs' ESP in UDP, the peer on UDP 4500 (no NAT discovery is in the paste). */
function shownSummary(hits: readonly IkeEvent[]): string {
  const udp = hits.some((e) => e.type === 'show-ipsec-settings');
  const port = hits.some((e) => e.type === 'show-ipsec-peer');
  // IOS prints `UDP-Encaps`, the ASA `NAT-T-Encaps`
  const printed = hits.some((e) => e.type === 'show-ipsec-settings' && e.udpWord === 'NAT-T-Encaps') ? 'NAT-T-Encaps' : 'UDP-Encaps';
  const shown = [port ? 'the peer on UDP 4500' : null, udp ? `the SAs' ESP carried in UDP (${printed})` : null].filter((x) => x !== null).join(' and ');
  const ipsec = shown === '' ? null : `show crypto ipsec sa lists ${shown}`;
  const isakmp = hits.some((e) => e.type === 'show-isakmp-detail') ? 'show crypto isakmp sa detail lists the ISAKMP SA with capability N (NAT-traversal)' : null;
  return `NAT-T: ${[isakmp, ipsec].filter((x) => x !== null).join(', and ')}: a NAT sits between the peers, and IKE and ESP go over UDP 4500.`;
}

const isOnNatPort = (m: Message): boolean => m.ports !== null && (m.ports.local === 4500 || m.ports.peer === 4500);

/** The first message of the negotiation sent on UDP 4500, or of a Quick Mode with -UDP encapsulation. */
function floatedMessage(n: Negotiation): LineRef | null {
  let onNatPort = n.phase1.messages.find(isOnNatPort);
  for (const p of n.phase2) onNatPort ??= p.messages.find(isOnNatPort);
  if (onNatPort?.lines[0]) return onNatPort.lines[0];
  const udp = n.phase2.find((p) => p.encapsulation === 'tunnel-udp' || p.encapsulation === 'transport-udp');
  return udp?.messages[0]?.lines[0] ?? null;
}

export const rule: Rule = {
  code: 'NAT_T',
  diagnose(ctx) {
    const hits = ctx.events.filter(isNatEvidence);
    const floated = ctx.negotiation ? floatedMessage(ctx.negotiation) : null;
    if (hits.length === 0 && !floated) return [];
    const inside = hits.find((e) => e.type === 'nat' && (e.text.indexOf('this node inside') >= 0 || e.text.indexOf('both nodes inside') >= 0));
    const where = inside ? 'this router is behind a NAT' : 'a NAT sits between the peers';
    const shownOnly = !floated && hits.every(isShownNat);
    // The discovery lines and the first packets on 4500 tell it; the rest would only repeat it.
    const lines: LineRef[] = [...hits.filter((e) => e.type !== 'packet').map(at), ...hits.filter((e) => e.type === 'packet').slice(0, 1).map(at)];
    if (floated && !hits.some((e) => e.type === 'packet')) lines.push(floated);
    const configLines: LineRef[] = [];
    for (const attached of [ctx.configs.initiator, ctx.configs.responder]) {
      if (attached) addRef(configLines, attached, attached.config.natKeepalive.line);
    }
    return [
      finding({
        code: 'NAT_T',
        severity: 'info',
        lines,
        summary: shownOnly ? shownSummary(hits) : `NAT-T: ${where} (NAT discovery in MM3/MM4), so IKE moved from UDP 500 to UDP 4500 and ESP is carried in UDP 4500.`,
        fix: "Nothing to fix: NAT-T is automatic. UDP 4500 must be open on the path, and 'crypto isakmp nat keepalive 20' keeps the NAT mapping alive between packets.",
        // show output shows no message: no MM3 to point at
        message: shownOnly ? null : 'MM3',
        configLines,
      }),
    ];
  },
};
