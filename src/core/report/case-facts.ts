import type { ChildSa, IkeSa, Ikev2Shown, Negotiation, Phase2, Router, Transition } from '../analysis.ts';
import type { Side } from '../ike/sides.ts';

/** The short facts every report format says the same way: who, from whose log, which proposal, which states. */

/** "R2 (2001:DB8::2)", or the address alone when the router has no name of its own. */
export function routerTitle(router: Router): string {
  return router.address && router.address !== router.name ? `${router.name || router.address} (${router.address})` : router.name || router.address;
}

export const routerName = (router: Router): string => router.name || router.address;

/** "R2 (2001:DB8::2) → R3 (2001:DB8::3)" */
export function negotiationTitle(n: Negotiation): string {
  return `${routerTitle(n.routers.initiator)} → ${routerTitle(n.routers.responder)}`;
}

/** Whose log the negotiation was read from. */
export function viewOf(n: Negotiation): string {
  if (n.role === 'both') return "both routers' logs";
  if (n.role === 'unknown') return 'one log; its role is not shown';
  return `the log of the ${n.role}`;
}

export function modeName(n: Negotiation): string {
  return n.phase1.mode === 'aggressive' ? 'Aggressive Mode' : n.phase1.mode === 'main' ? 'Main Mode' : 'mode not logged';
}

/** "DES-CBC, SHA, DH group 1, pre-share, 86400 s", or null when the log showed no proposal. */
export function proposalText(n: Negotiation): string | null {
  const p = n.phase1.proposal;
  if (p === null) return null;
  return [
    p.encryption + (p.keyLength !== null ? ` ${p.keyLength}` : ''),
    p.hash,
    p.group !== null ? `DH group ${p.group}` : '',
    p.auth,
    p.lifetimeSeconds !== null ? `${p.lifetimeSeconds} s` : '',
  ]
    .filter((x) => x.length > 0)
    .join(', ');
}

/** "esp-aes esp-sha-hmac, tunnel, PFS group 14", or null when nothing of it was shown. */
export function phase2Text(p: Phase2): string | null {
  const bits = [p.transform, p.encapsulation, p.pfsGroup !== null ? `PFS group ${p.pfsGroup}` : null].filter((x) => x !== null);
  return bits.length > 0 ? bits.join(', ') : null;
}

/** One router's states through an exchange: "IKE_READY → IKE_I_MM1 → …", a step the model refuses marked (!). */
export function statePath(transitions: readonly Transition[], side: Side): string | null {
  const mine = transitions.filter((t) => t.side === side);
  if (mine.length === 0) return null;
  const path: string[] = [mine[0]?.from ?? ''];
  for (const t of mine) {
    const flag = t.allowed === false ? ' (!)' : '';
    if (t.to !== path[path.length - 1] || flag) path.push(`${t.to}${flag}`);
  }
  return path.join(' → ');
}

/** A phase 2 by its message ID; 0 stands for one the log does not show (IPsec's lines alone), never a Quick Mode's. */
export function phase2Name(messageId: number): string {
  return messageId === 0 ? 'Phase 2 (message ID not logged)' : `Phase 2 (message ID ${messageId})`;
}

/** The same, short: "phase 2 1371333358". */
export function phase2Short(messageId: number): string {
  return messageId === 0 ? 'phase 2 (message ID not logged)' : `phase 2 ${messageId}`;
}

/**
 * "IKE SA 1D41…/A645… (IKEv2): complete", the SPIs left out when the log names none, an implied outcome said so
 * with what implies it: the IKE SA as show output lists it, or, where no show output lists the IKE SA itself
 * (show crypto ipsec sa alone), the child SAs listed under it.
 */
export function ikeSaTitle(sa: IkeSa, children: readonly ChildSa[]): string {
  const spis = sa.spis === null ? '' : ` ${sa.spis.initiator}/${sa.spis.responder}`;
  return `IKE SA${spis} (IKEv2): ${sa.outcome}${sa.implied ? impliedBy(sa, children) : ''}`;
}

function impliedBy(sa: IkeSa, children: readonly ChildSa[]): string {
  const shown = sa.shown;
  if (shown === undefined) {
    const listed = children.filter((c) => c.messageId === null).length;
    if (listed > 0) return ` (implied: show output lists ${listed === 1 ? 'its child SA' : `its ${listed} child SAs`})`;
  }
  if (shown !== undefined && shown.status === 'DELETE' && shown.activeSeconds !== null) return ` (implied: show output lists it active for ${shown.activeSeconds} s, now being deleted)`;
  return ' (implied: show output lists it up)';
}

/** What show output lists of an IKE SA, in one line: status, algorithms, lifetime, SPIs. */
export function shownText(s: Ikev2Shown): string {
  const algorithms = [s.encryption === null ? null : `${s.encryption}${s.keySize === null ? '' : ` ${s.keySize}`}`, s.prf && `PRF ${s.prf}`, s.integrity && `integrity ${s.integrity}`, s.group === null ? null : `DH group ${s.group}`, s.authSign && `auth ${s.authSign}/${s.authVerify ?? '?'}`];
  const bits = [s.status, s.description, s.sessionStatus && `session ${s.sessionStatus}`, algorithms.filter((x) => x).join(', '), s.lifetimeSeconds === null ? null : `lifetime ${s.lifetimeSeconds} s`, s.spis && `SPIs local ${s.spis.local}, remote ${s.spis.remote}`];
  return bits.filter((x) => x).join('; ');
}

/** "Child SA (message ID 1)", or "Child SA (listed by show output)" for one no exchange of the log carries. */
export function childSaTitle(c: ChildSa): string {
  return c.messageId === null ? 'Child SA (listed by show output)' : `Child SA (message ID ${c.messageId})`;
}

/** The exchanges the negotiation logged, one line each: "Phase 1 (Main Mode): complete — DES-CBC, …". */
export function exchangeLines(n: Negotiation): string[] {
  const out: string[] = [];
  if (n.ikeVersion === 2) {
    const sa = n.ikeSa;
    if (sa) {
      out.push(`${ikeSaTitle(sa, n.childSas ?? [])}${sa.proposal ? ` — ${sa.proposal.transforms.join(' ')}` : ''}`);
      if (sa.shown) out.push(`  Shown: ${shownText(sa.shown)}`);
    }
    else out.push('IKE SA (IKEv2): the log shows none of its messages');
    for (const c of n.childSas ?? []) {
      const bits = [c.transform, c.refusal !== null ? `refused: ${c.refusal}` : null].filter((x) => x !== null);
      out.push(`${childSaTitle(c)}: ${c.outcome}${bits.length > 0 ? ` — ${bits.join(', ')}` : ''}`);
      if (c.spis) out.push(`  SPIs: inbound ${c.spis.inbound ?? '?'}, outbound ${c.spis.outbound ?? '?'}`);
      if (c.trafficSelectors) out.push(`  Traffic selectors: ${c.trafficSelectors.local.join(', ')} ↔ ${c.trafficSelectors.remote.join(', ')}`);
    }
    return out;
  }
  const proposal = proposalText(n);
  if (n.phase1.messages.length > 0 || n.phase1.transitions.length > 0 || proposal !== null) {
    out.push(`Phase 1 (${modeName(n)}): ${n.phase1.outcome}${proposal ? ` — ${proposal}` : ''}`);
  } else {
    out.push(`Phase 1: the log shows none of its messages (${n.phase1.outcome})`);
  }
  for (const p of n.phase2) {
    const text = phase2Text(p);
    out.push(`${phase2Name(p.messageId)}: ${p.outcome}${text ? ` — ${text}` : ''}`);
    if (p.proxies) out.push(`  Proxies: ${p.proxies.local} ↔ ${p.proxies.remote}`);
    if (p.spis) out.push(`  SPIs: inbound ${p.spis.inbound}, outbound ${p.spis.outbound}`);
  }
  return out;
}

/** A file name for what is exported of a negotiation: its peers and its id, in characters every system keeps. */
export function negotiationFileName(n: Negotiation, extension: string): string {
  const safe = (text: string) => {
    const dashed = text.replace(/[^\w.-]+/g, '-');
    let start = 0;
    let end = dashed.length;
    while (start < end && dashed[start] === '-') start += 1;
    while (end > start && dashed[end - 1] === '-') end -= 1;
    return dashed.slice(start, end);
  };
  const parts = ['ikescope', safe(routerName(n.routers.initiator)), safe(routerName(n.routers.responder)), safe(n.id)].filter((p) => p.length > 0);
  return `${parts.join('_')}.${extension}`;
}

/** What `show crypto ipsec sa` output says of a phase 2: "0x45F16A9A and 0x221A7153 ACTIVE, 9 packets out, 9 in: …". */
export function verificationText(p: Phase2): string | null {
  const v = p.verification;
  if (!v) return null;
  const active = [...new Set(p.sas.filter((s) => s.status === 'ACTIVE').map((s) => s.spi))];
  return `${active.join(' and ') || 'no SPI'} ACTIVE, ${v.packetsOut ?? '?'} packets out, ${v.packetsIn ?? '?'} in${v.up ? ': the tunnel passes traffic both ways.' : '.'}`;
}
