/**
 * IKEv2 events → one draft per router and IKE SA, keyed by the initiator's SPI (the responder's is zero until
 * its first response). A line without SPIs joins the SA its `SA ID` or ASA tag was last seen with; lines
 * printed before the SA's first SPI (policy and keyring lookups, the DH computation) join it when it comes.
 */
import { isErrorNotify } from '../../ike/ikev2.ts';
import type { LineRef } from '../../ike/line-ref.ts';
import type { IkeEvent } from '../../log/events.ts';
import type { Ikev2Line, SpiPair } from '../../log/ikev2/line.ts';
import type { RecordTableBuilder } from '../../log/record-table.ts';
import { applyIkev2, decodedIn, type V2EventRef } from './apply.ts';
import type { V2Draft } from './draft.ts';

type Ikev2Event = Extract<IkeEvent, { type: 'ikev2' }>;

const ZERO_SPI = '0000000000000000';

/** Events not yet tied to an SA, kept until one comes. */
interface Pending {
  events: { e: Ikev2Event; line: Ikev2Line; decoded: boolean; name: string | null }[];
}

interface FileState {
  bySpi: Map<string, V2Draft>;
  bySa: Map<number, V2Draft>;
  pendingBySa: Map<number, Pending>;
  untagged: Pending;
  last: V2Draft | null;
}

function spisOf(l: Ikev2Line): SpiPair | null {
  switch (l.kind) {
    case 'packet':
      return l.spis;
    case 'packet-summary':
    case 'sm':
      return l.spis;
    case 'delete':
      return l.what === 'ike' ? l.spis : null;
    default:
      return null;
  }
}

export class Ikev2Builder {
  readonly drafts: V2Draft[] = [];
  private readonly files = new Map<number, FileState>();

  constructor(private readonly records: RecordTableBuilder) {}

  private file(file: number): FileState {
    let f = this.files.get(file);
    if (f === undefined) {
      f = { bySpi: new Map(), bySa: new Map(), pendingBySa: new Map(), untagged: { events: [] }, last: null };
      this.files.set(file, f);
    }
    return f;
  }

  event(e: Ikev2Event, routerName: string | null): void {
    const f = this.file(e.at.file);
    const also = e.also;
    this.one(f, e, e.line, routerName, also.length === 0);
    for (let i = 0; i < also.length; i += 1) this.one(f, e, also[i]!, routerName, i === also.length - 1);
  }

  /** `lastOfRecord`: the record's decoded payloads go with its last message. */
  private one(f: FileState, e: Ikev2Event, line: Ikev2Line, routerName: string | null, lastOfRecord: boolean): void {
    const spis = spisOf(line);
    let draft: V2Draft | null = null;
    if (spis !== null) {
      draft = f.bySpi.get(spis.initiator) ?? null;
      if (draft === null || draft.ended) draft = this.create(f, e, spis, routerName);
      if (spis.responder !== ZERO_SPI) draft.spis.responder = spis.responder;
      if (e.sa !== null && f.bySa.get(e.sa) !== draft) {
        f.bySa.set(e.sa, draft);
        this.flush(f.pendingBySa.get(e.sa), draft);
        f.pendingBySa.delete(e.sa);
      }
    } else if (e.sa !== null) {
      const bound = f.bySa.get(e.sa);
      if (bound === undefined || bound.ended) {
        // the end of an SA whose start the excerpt does not hold
        if (line.kind === 'gone') return;
        let pending = f.pendingBySa.get(e.sa);
        if (pending === undefined) f.pendingBySa.set(e.sa, (pending = { events: [] }));
        pending.events.push({ e, line, decoded: lastOfRecord, name: routerName });
        return;
      }
      draft = bound;
    } else {
      if (f.last === null || f.last.ended) {
        f.untagged.events.push({ e, line, decoded: lastOfRecord, name: routerName });
        return;
      }
      draft = f.last;
    }
    f.last = draft;
    this.apply(draft, e, line, lastOfRecord);
  }

  /**
   * The end of the input: lines that never met an SPI (an excerpt of policy and keyring lookups) make a draft of
   * their own, one per SA ID, the bare lines joining the first; a lone line is no negotiation.
   */
  finish(): void {
    for (const f of this.files.values()) {
      const groups = [...f.pendingBySa.values()].filter((p) => p.events.length > 0);
      if (f.untagged.events.length > 0) {
        if (groups[0] === undefined) groups.push(f.untagged);
        else groups[0].events = [...groups[0].events, ...f.untagged.events].sort((a, b) => compare(a.e.at, b.e.at));
      }
      for (const g of groups) {
        if (!tellsOfAnSa(g)) continue;
        const first = g.events[0]!;
        const draft = this.newDraft(first.e, null, first.name);
        this.flush(g, draft);
      }
      f.pendingBySa.clear();
      f.untagged = { events: [] };
    }
  }

  private create(f: FileState, e: Ikev2Event, spis: SpiPair, routerName: string | null): V2Draft {
    const draft = this.newDraft(e, spis, routerName);
    f.bySpi.set(spis.initiator, draft);
    // what the router printed before the SA had SPIs: its lookups, key computation, first proposal
    this.flush(f.untagged, draft);
    f.untagged = { events: [] };
    if (e.sa !== null) {
      this.flush(f.pendingBySa.get(e.sa), draft);
      f.pendingBySa.delete(e.sa);
    }
    return draft;
  }

  /** A draft of one SA; `spis` null when its lines name none. */
  private newDraft(e: Ikev2Event, spis: SpiPair | null, routerName: string | null): V2Draft {
    const draft: V2Draft = {
      index: this.drafts.length,
      file: e.at.file,
      name: routerName,
      spis: { initiator: spis?.initiator ?? '', responder: spis?.responder ?? '' },
      ...(spis === null ? { noSpis: true as const } : {}),
      side: null,
      local: null,
      peer: null,
      messages: [],
      copies: new Map(),
      states: [],
      ikeProposal: null,
      childProposal: null,
      selectors: null,
      childSpis: { inbound: null, outbound: null },
      up: false,
      failures: [],
      childRefusals: [],
      ended: false,
      evidence: [],
      records: [],
      first: e.at,
      last: e.at,
      carry: { cleartext: null, cleartextLine: null, summaryIn: null, retransmitLine: null, openIn: null },
    };
    this.drafts.push(draft);
    return draft;
  }

  private flush(pending: Pending | undefined, draft: V2Draft): void {
    if (pending === undefined) return;
    for (const p of pending.events) this.apply(draft, p.e, p.line, p.decoded);
    pending.events = [];
  }

  /**
   * A `CRYPTO_PKI:` line printed while an IKE SA checks a certificate (`debug crypto pki` beside `debug crypto
   * ikev2`) belongs to that SA; one that says why a certificate failed is evidence. False when no SA is open.
   */
  pki(e: Extract<IkeEvent, { type: 'info' }>): boolean {
    const draft = this.files.get(e.at.file)?.last ?? null;
    if (draft === null || draft.ended) return false;
    if (draft.records[draft.records.length - 1] !== e.record) {
      draft.records.push(e.record);
      this.records.setNegotiation(e.record, -2 - draft.index);
    }
    if (compare(e.at, draft.last) > 0) draft.last = e.at;
    if (PKI_FAILURES.some((s) => e.text.includes(s))) draft.evidence.push(e);
    return true;
  }

  private apply(draft: V2Draft, e: Ikev2Event, line: Ikev2Line, withDecoded: boolean): void {
    if (draft.records[draft.records.length - 1] !== e.record) {
      draft.records.push(e.record);
      this.records.setNegotiation(e.record, -2 - draft.index);
    }
    if (compare(e.at, draft.first) < 0) draft.first = e.at;
    if (compare(e.at, draft.last) > 0) draft.last = e.at;
    const ref: V2EventRef = { at: e.at, time: e.time, lineCount: this.records.lineCount(e.record) };
    applyIkev2(draft, line, ref);
    if (withDecoded && e.decoded.length > 0) decodedIn(draft, e.decoded, ref.at);
    // the traffic selectors of a decrypted message; a later message's (the response, narrowed) replace them
    if (withDecoded && e.decodedSelectors !== null) draft.selectors = e.decodedSelectors;
    if (isEvidence(line, withDecoded ? e.decoded : []) && draft.evidence[draft.evidence.length - 1] !== e) draft.evidence.push(e);
  }
}

/** What the PKI prints when a certificate does not verify (corpus 42; the certificate's dates and revocation alike). */
const PKI_FAILURES = ['No suitable trustpoints found', 'No trust point for cert issuer', 'Unable to locate cert record', 'expired', 'not yet valid', 'revoked', 'failed'];

/** What a finding may cite: failures and refusals, and the authentication and key lines that explain them. */
function isEvidence(line: Ikev2Line, decoded: readonly string[]): boolean {
  switch (line.kind) {
    case 'error':
      return line.code !== 'empty';
    case 'auth':
      return !line.passed;
    case 'notify':
      return isErrorNotify(line.notify);
    case 'packet':
      return line.payloads.some((p) => p.startsWith('NOTIFY(') && isErrorNotify(p.slice(7, -1)));
    case 'nat':
      return line.found === true;
    case 'pfkey':
      return line.action === 'Invalid SPI';
    case 'window':
      return line.messageId !== null && line.from !== null && line.to !== null && (line.messageId < line.from || line.messageId > line.to);
    case 'delete':
    case 'identity':
    case 'weaker-ike':
    case 'crypto-map-incomplete':
    case 'crypto-map-other-peer':
    case 'policies':
    case 'no-proxy-match':
    case 'psk':
    case 'auth-method':
    case 'auth-method-code':
    case 'retransmit':
    case 'gone':
      // `Deleting SA` too: where the SA ended (after an unanswered liveness check, the dead peer's end)
      return true;
    default:
      return decoded.some((p) => p.startsWith('NOTIFY(') && isErrorNotify(p.slice(7, -1)));
  }
}

/**
 * Lines that tell of an SA being negotiated: two or more, one of them a packet, lookup, identity, key or check
 * (an ASA's `Received Policies:` with the proposals under it, corpus 46);
 * or one packet that names both ends (an event trace's `(I) Sending IKEv2 IKE_SA_INIT Exchange REQUEST`).
 */
function tellsOfAnSa(p: Pending): boolean {
  const one = p.events[0]?.line;
  if (p.events.length === 1 && one?.kind === 'packet' && one.peer !== null && one.local !== null) return true;
  if (p.events.length < 2) return false;
  return p.events.some(({ line }) => line.kind === 'lookup' || line.kind === 'identity' || line.kind === 'psk' || line.kind === 'auth-method' || line.kind === 'auth' || line.kind === 'proposal' || (line.kind === 'policies' && line.proposals.length > 0) || line.kind === 'packet');
}

function compare(a: LineRef, b: LineRef): number {
  return a.file - b.file || a.line - b.line;
}
