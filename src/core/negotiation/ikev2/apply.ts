/** What each IKEv2 message adds to its draft: the messages (with resends), states, proposals, child SA facts, outcome. */
import { isErrorNotify } from '../../ike/ikev2.ts';
import type { LineRef } from '../../ike/line-ref.ts';
import type { Ikev2Line } from '../../log/ikev2/line.ts';
import type { V2Draft, V2DraftMessage } from './draft.ts';

export interface V2EventRef {
  at: LineRef;
  time: number | null;
  /** Lines of the record, continuations included. */
  lineCount: number;
}

function recordLines(ref: V2EventRef): LineRef[] {
  const out: LineRef[] = [];
  for (let i = 0; i < Math.max(1, ref.lineCount); i += 1) out.push({ file: ref.at.file, line: ref.at.line + i });
  return out;
}

/** The error notifies a message carries (`NOTIFY(NO_PROPOSAL_CHOSEN)`). */
function errorNotifies(payloads: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of payloads) {
    if (!p.startsWith('NOTIFY(')) continue;
    const name = p.slice(7, -1);
    if (isErrorNotify(name)) out.push(name);
  }
  return out;
}

function packet(d: V2Draft, l: Extract<Ikev2Line, { kind: 'packet' }>, ref: V2EventRef): void {
  if (l.local !== null && d.local === null) d.local = l.local;
  if (l.peer !== null && d.peer === null) d.peer = l.peer;
  if (l.exchange === null || l.response === null || l.messageId === null) return;
  const c = d.carry;
  // IKE_SA_INIT and IKE_AUTH are always asked by the original initiator (RFC 7296 2.2)
  if (d.side === null && (l.exchange === 'IKE_SA_INIT' || l.exchange === 'IKE_AUTH')) d.side = (l.dir === 'out') === !l.response ? 'initiator' : 'responder';
  if (d.side === null && l.flags !== null) {
    const fromInitiator = l.flags.includes('INITIATOR');
    d.side = (l.dir === 'out') === fromInitiator ? 'initiator' : 'responder';
  }
  const key = `${l.dir} ${l.exchange} ${l.response ? 'response' : 'request'} ${l.messageId}`;
  const attempt = (d.copies.get(key) ?? 0) + 1;
  d.copies.set(key, attempt);
  const encrypted = l.payloads.includes('ENCR');
  let payloads = l.payloads;
  // an encrypted message's own list shows only ENCR: what it carries is the list printed before encryption
  let listed = l.listed && !(l.dir === 'out' && encrypted);
  const lines = recordLines(ref);
  if (l.dir === 'out' && encrypted && c.cleartext !== null) {
    payloads = c.cleartext;
    listed = true;
    if (c.cleartextLine !== null) lines.unshift(c.cleartextLine);
  }
  // the ASA's decode of the encrypted payload says nothing follows it: the message carries nothing inside
  if (l.inner === 'NONE') {
    payloads = [];
    listed = true;
  }
  if (c.retransmitLine !== null && l.dir === 'out') lines.unshift(c.retransmitLine);
  if (c.summaryIn !== null && l.dir === 'in') lines.unshift(c.summaryIn);
  if (l.dir === 'out') {
    c.cleartext = null;
    c.cleartextLine = null;
    c.retransmitLine = null;
  } else {
    c.summaryIn = null;
  }
  const message: V2DraftMessage = {
    exchange: l.exchange,
    response: l.response,
    messageId: l.messageId,
    dir: l.dir,
    fromInitiator: l.flags === null ? null : l.flags.includes('INITIATOR'),
    payloads,
    listed,
    encrypted,
    liveness: false,
    attempt,
    lines,
    packetLine: ref.at,
    time: ref.time,
  };
  d.messages.push(message);
  c.openIn = l.dir === 'in' ? message : null;
  if (l.selectors !== null) d.selectors = l.selectors;
  refusals(d, message, payloads, ref.at);
}

/** What the error notifies of a response refuse: the IKE SA (IKE_SA_INIT, AUTHENTICATION_FAILED) or the child SA. */
function refusals(d: V2Draft, m: V2DraftMessage, payloads: readonly string[], at: LineRef): void {
  if (!m.response) return;
  const notify = errorNotifies(payloads)[0];
  if (notify === undefined) return;
  if (m.exchange === 'IKE_SA_INIT' || notify === 'AUTHENTICATION_FAILED') d.failures.push({ code: 'auth-failed-notify', line: at });
  else if ((m.exchange === 'IKE_AUTH' || m.exchange === 'CREATE_CHILD_SA') && !d.childRefusals.some((r) => r.messageId === m.messageId)) d.childRefusals.push({ notify, messageId: m.messageId });
}

/** Payloads the ASA decodes after a received packet's block (the decrypted ones, those on glued lines). */
export function decodedIn(d: V2Draft, names: readonly string[], at: LineRef): void {
  const m = d.carry.openIn;
  if (m === null) return;
  if (m.payloads.length === 1 && m.payloads[0] === 'ENCR') m.payloads = [];
  for (const name of names) m.payloads.push(name);
  refusals(d, m, names, at);
}

export function applyIkev2(d: V2Draft, l: Ikev2Line, ref: V2EventRef): void {
  const c = d.carry;
  switch (l.kind) {
    case 'packet':
      packet(d, l, ref);
      return;
    case 'packet-summary': {
      c.openIn = null;
      if (l.dir === 'in') {
        c.summaryIn = ref.at;
        return;
      }
      for (let i = d.messages.length - 1; i >= 0; i -= 1) {
        const m = d.messages[i];
        if (m !== undefined && m.dir === 'out' && m.messageId === l.messageId && m.exchange === l.exchange) {
          m.lines.push(ref.at);
          return;
        }
      }
      return;
    }
    case 'payloads':
      // a list not printed on this line says nothing of what the message carries
      if (!l.listed) return;
      c.cleartext = l.payloads;
      c.cleartextLine = ref.at;
      if (l.selectors !== null) d.selectors = l.selectors;
      return;
    case 'retransmit':
      c.retransmitLine = ref.at;
      return;
    case 'sm':
      if (d.side === null) d.side = l.role === 'I' ? 'initiator' : 'responder';
      d.states.push({ state: l.state, event: l.event, line: ref.at, time: ref.time });
      return;
    case 'proposal':
      if (l.protocol === 'IKE') d.ikeProposal ??= l.transforms;
      else d.childProposal = l.transforms;
      return;
    case 'identity':
      if (l.own && d.side === null) d.side = 'initiator';
      return;
    case 'lookup':
      if (l.local !== undefined) d.local ??= l.local;
      return;
    case 'up':
    case 'created':
      d.up = true;
      return;
    case 'auth':
      if (!l.passed) d.failures.push({ code: 'auth-failed', line: ref.at });
      return;
    case 'pfkey':
      if (l.spi === null) return;
      if (l.action === 'SPI callback' || l.action === 'update') d.childSpis.inbound ??= l.spi;
      else if (l.action === 'add') d.childSpis.outbound ??= l.spi;
      return;
    case 'delete':
      if (l.what === 'child' && l.dir === 'out' && l.spi !== null) d.childSpis.inbound ??= `0x${l.spi}`;
      return;
    case 'error':
      if (l.code !== 'empty' && l.code !== 'proposals-refused' && l.code !== 'no-matching-policy') d.failures.push({ code: l.code, line: ref.at });
      return;
    case 'gone':
      d.ended = true;
      return;
    default:
      return;
  }
}
