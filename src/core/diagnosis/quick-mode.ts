/**
 * Quick Mode refusals: what the responder printed when it refused a proposal (error 256, error 32, proxy
 * identities not supported, no matching map, phase 2 SA policy not acceptable, PROPOSAL_NOT_CHOSEN sent), what
 * the initiator printed when told (PROPOSAL_NOT_CHOSEN received), what was offered, and whether a later
 * proposal of the same Quick Mode, or a later Quick Mode, was accepted.
 */
import type { IkeEvent } from '../log/events.ts';
import type { DiagnosisContext } from './context.ts';
import { perContext } from './memo.ts';
import { hasEvents, phase1Completed, phase2CompletedAfter } from './queries.ts';

export type RefusalKind = 'transform' | 'proxy' | 'unknown';

export interface OfferedPhase2 {
  /** From the key-engine block (`transform= esp-aes esp-sha-hmac`) or the ISAKMP attributes. */
  transform: string | null;
  /** `group is 14` among the proposal's attributes; null when the offer carried no PFS group. */
  pfsGroup: number | null;
  /** `Tunnel`, `Transport`, `4 (Transport-UDP)`. */
  encapsulation: string | null;
  local: string | null;
  remote: string | null;
  /** From the ISAKMP attributes, for when the key-engine block says `transform= NONE`. */
  cipher: string | null;
  keyLength: number | null;
  authenticator: string | null;
}

/** `ESP_AES` → `esp-aes`. */
function cipherWord(name: string): string | null {
  return name.startsWith('ESP_') ? `esp-${name.slice(4).toLowerCase()}` : null;
}

/** `HMAC-SHA256` → `esp-sha256-hmac`, `HMAC-SHA` → `esp-sha-hmac`. */
function authenticatorWord(value: string): string | null {
  const v = value.toLowerCase();
  return v.startsWith('hmac-') ? `esp-${v.slice(5)}-hmac` : null;
}

/** The offered transforms, from the key-engine block or else from the ISAKMP attributes. */
export function offeredTransform(o: OfferedPhase2): string | null {
  if (o.transform !== null) return o.transform;
  if (o.cipher === null) return null;
  const cipher = o.keyLength !== null && o.cipher !== 'esp-des' && o.cipher !== 'esp-3des' ? `${o.cipher} ${o.keyLength}` : o.cipher;
  return o.authenticator === null ? cipher : `${cipher} ${o.authenticator}`;
}

export interface Refusal {
  kinds: Set<RefusalKind>;
  /** The responder's lines. */
  reasons: IkeEvent[];
  /** `phase 2 SA policy not acceptable` or PROPOSAL_NOT_CHOSEN sent: the whole Quick Mode was refused. */
  final: boolean;
  /** The initiator's PROPOSAL_NOT_CHOSEN received, joined here when both routers' logs are loaded. */
  received: IkeEvent[];
  offered: OfferedPhase2;
  /** 'same': a later proposal of the same Quick Mode was accepted; 'later': a later Quick Mode succeeded. */
  recovered: 'same' | 'later' | null;
  /** Index of the first and the last reason in ctx.events. */
  index: number;
  last: number;
}

const isPnc = (notify: string) => notify === 'PROPOSAL_NOT_CHOSEN' || notify === 'NO_PROPOSAL_CHOSEN';

/** A PROPOSAL_NOT_CHOSEN about phase 2: protocol 2/3 (AH/ESP), or sent once phase 1 was up. */
export function isPhase2Pnc(e: IkeEvent, p1Up: boolean): boolean {
  if (e.type !== 'notify' || !isPnc(e.notify)) return false;
  if (e.protocol !== null) return e.protocol !== 1;
  return p1Up;
}

function reasonKind(e: IkeEvent): RefusalKind | null {
  if (e.type === 'ipsec-rejected') return e.reason === 'transform' ? 'transform' : e.reason === 'other' ? 'unknown' : 'proxy';
  if (e.type === 'p2-rejected') return e.error === 256 ? 'transform' : e.error === 32 ? 'proxy' : 'unknown';
  if (e.type === 'p2-atts' && !e.acceptable) return 'unknown';
  return null;
}

const isFinal = (e: IkeEvent, p1Up: boolean) => (e.type === 'p2-rejected' && e.error === null) || (isPhase2Pnc(e, p1Up) && e.type === 'notify' && e.dir === 'out');

/** An event that starts a new attempt: a new Quick Mode, or the initiator asking again. */
const startsAttempt = (e: IkeEvent) =>
  (e.type === 'ipsec-request' && e.kind === 'sa_request') || (e.type === 'begin' && e.mode === 'quick') || (e.type === 'node' && e.action === 'new' && e.node !== 0);

/** An event that shows a proposal accepted. */
const accepted = (e: IkeEvent) =>
  (e.type === 'info' && e.text.startsWith('Map Accepted')) || e.type === 'ipsec-sa' || e.type === 'ipsec-installed' || (e.type === 'fsm-state' && e.to === 'IKE_QM_PHASE2_COMPLETE');

function emptyOffer(): OfferedPhase2 {
  return { transform: null, pfsGroup: null, encapsulation: null, local: null, remote: null, cipher: null, keyLength: null, authenticator: null };
}

export const quickModeRefusals = perContext(computeRefusals);

/** An event a refusal is made of: a reason, a final refusal, a PROPOSAL_NOT_CHOSEN either way. */
const mayRefuse = (e: IkeEvent): boolean =>
  e.type === 'notify' || e.type === 'ipsec-rejected' || e.type === 'p2-rejected' || (e.type === 'p2-atts' && !e.acceptable);

function computeRefusals(ctx: DiagnosisContext): Refusal[] {
  // most negotiations refuse nothing: one look at the events instead of following every offer
  if (!ctx.events.some(mayRefuse)) return [];
  const p1Up = phase1Completed(ctx);
  const out: Refusal[] = [];
  let offer = emptyOffer();
  let open: Refusal | null = null;
  const received: { e: IkeEvent; index: number }[] = [];
  ctx.events.forEach((e, index) => {
    if (e.type === 'p2-proposal' || (e.type === 'node' && e.action === 'new')) offer = emptyOffer();
    if (e.type === 'p2-attr' && e.attr === 'group') offer.pfsGroup = e.number;
    if (e.type === 'p2-attr' && e.attr === 'encaps') offer.encapsulation = encapsulationWord(e.value);
    if (e.type === 'p2-transform') offer.cipher = cipherWord(e.name);
    if (e.type === 'p2-attr' && e.attr === 'keyLength') offer.keyLength = e.number;
    if (e.type === 'p2-attr' && e.attr === 'authenticator') offer.authenticator = authenticatorWord(e.value);
    if (e.type === 'ipsec-request' && e.kind === 'validate') {
      offer.transform = e.transform ?? offer.transform;
      offer.encapsulation ??= e.mode;
      offer.local = e.remoteProxy;
      offer.remote = e.localProxy;
    }
    if (e.type === 'ipsec-rejected' && e.reason === 'transform' && offer.transform === null) {
      const brace = e.text.indexOf('{');
      const close = e.text.indexOf('}', brace);
      if (brace >= 0 && close > brace) offer.transform = e.text.slice(brace + 1, close).trim() || null;
    }
    if (isPhase2Pnc(e, p1Up) && e.type === 'notify' && e.dir === 'in') {
      received.push({ e, index });
      return;
    }
    if (open && startsAttempt(e)) open = null;
    else if (open && !open.final && accepted(e)) {
      open.recovered = 'same';
      open = null;
    }
    const kind = reasonKind(e);
    const final = isFinal(e, p1Up);
    if (kind === null && !final) return;
    const previous = out[out.length - 1];
    if (!open && kind === null && previous?.final && previous.recovered === null) {
      // PROPOSAL_NOT_CHOSEN sent after the refusal it reports (IOS opens an informational node in between).
      previous.reasons.push(e);
      previous.last = index;
      return;
    }
    // A reason after the final refusal belongs to the next Quick Mode.
    if (open?.final && kind !== null) open = null;
    if (!open) {
      open = { kinds: new Set(), reasons: [], final: false, received: [], offered: { ...offer }, recovered: null, index, last: index };
      out.push(open);
    }
    if (kind !== null) open.kinds.add(kind);
    open.reasons.push(e);
    open.last = index;
    if (final) open.final = true;
    if (offeredTransform(open.offered) === null && offeredTransform(offer) !== null) open.offered = { ...offer };
  });
  for (const r of out) {
    if (r.recovered === 'same') continue;
    if (phase2CompletedAfter(ctx, r.last + 1)) r.recovered = r.final ? 'later' : (r.recovered ?? 'later');
    if (r.kinds.size === 0) r.kinds.add('unknown');
  }
  joinReceived(out, received);
  for (const r of out) fillOfferFromNegotiation(ctx, r);
  return out;
}

/**
 * The initiator's PROPOSAL_NOT_CHOSEN received goes with the responder's refusal it answers: the final
 * refusal nearest in time, else the nearest in input order. Those left are refusals with no reason in view.
 */
function joinReceived(refusals: Refusal[], received: readonly { e: IkeEvent; index: number }[]): void {
  const finals = refusals.filter((r) => r.final || refusals.length === 1);
  for (const { e, index } of received) {
    let best: Refusal | null = null;
    let distance = Infinity;
    for (const r of finals) {
      const first = r.reasons[0];
      if (!first) continue;
      const d = e.time !== null && first.time !== null ? Math.abs(e.time - first.time) : Math.abs(index - r.index) * 1e6;
      if (d < distance) {
        best = r;
        distance = d;
      }
    }
    if (best) best.received.push(e);
  }
}

/** PROPOSAL_NOT_CHOSEN received with no responder reason anywhere in the events. */
export function unexplainedRejections(ctx: DiagnosisContext, refusals: readonly Refusal[]): IkeEvent[] {
  if (!hasEvents(ctx, ['notify'])) return [];
  const p1Up = phase1Completed(ctx);
  const joined = new Set(refusals.flatMap((r) => r.received));
  return ctx.events.filter((e) => isPhase2Pnc(e, p1Up) && e.type === 'notify' && e.dir === 'in' && !joined.has(e));
}

/**
 * A negotiation's evidence keeps the refusal lines and the ISAKMP attributes, not the key-engine block: the
 * negotiation's Quick Mode (the one that did not make SAs, else the first) says what was offered, PFS group
 * included, and between which proxies.
 */
function fillOfferFromNegotiation(ctx: DiagnosisContext, r: Refusal): void {
  const n = ctx.negotiation;
  if (!n) return;
  const q = n.phase2.find((p) => p.spis === null && p.sas.length === 0) ?? n.phase2[0];
  if (!q) return;
  if (q.proxies && (r.offered.local === null || r.offered.remote === null)) {
    r.offered = { ...r.offered, local: r.offered.local ?? q.proxies.local, remote: r.offered.remote ?? q.proxies.remote };
  }
  if (offeredTransform(r.offered) !== null || r.offered.encapsulation !== null || q.transform === null) return;
  r.offered = {
    ...r.offered,
    transform: q.transform,
    pfsGroup: q.pfsGroup,
    encapsulation: q.encapsulation ?? 'tunnel',
  };
}

/** IOS's names of the encapsulation codes, for a release that prints the bare number (12.2: `encaps is 1`). */
const ENCAPSULATION_NAMES: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  '1': 'Tunnel',
  '2': 'Transport',
  '3': 'Tunnel-UDP',
  '4': 'Transport-UDP',
});

/** `1 (Tunnel)` as printed, or the name of a bare code. */
function encapsulationWord(value: string): string {
  const v = value.trim();
  return ENCAPSULATION_NAMES[v] ?? v;
}
