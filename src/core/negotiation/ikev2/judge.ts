/**
 * Replay verdicts for IKEv2: each router's SM Trace transitions judged by the IKEv2 machine of its side
 * (src/core/fsm/ikev2/replay.ts); a logged router that prints no SM Trace line gets the states its packets imply
 * (fsm/ikev2/implied.ts), each marked implied. Returns the negotiation with its transitions judged; the one built
 * is left as it is.
 */
import type { Ikev2Message, Negotiation, Transition } from '../../analysis.ts';
import { impliedIkev2Steps, type ImpliedStep, type ObservedPacket } from '../../fsm/ikev2/implied.ts';
import { replayIkev2, type Ikev2Steps } from '../../fsm/ikev2/replay.ts';
import { isErrorNotify } from '../../ike/ikev2.ts';
import { compareLines } from '../../ike/line-ref.ts';
import type { Ikev2MessageName } from '../../ike/messages.ts';
import type { Side } from '../../ike/sides.ts';

export function judgeIkev2(n: Negotiation, steps: Ikev2Steps): Negotiation {
  const sa = n.ikeSa;
  if (sa === undefined) return n;
  const judged: Transition[] = sa.transitions.slice();
  for (const side of ['initiator', 'responder'] as const) {
    const at: number[] = [];
    sa.transitions.forEach((t, i) => {
      if (t.side === side) at.push(i);
    });
    if (at.length === 0) {
      if (n.routers[side].logged) for (const t of implied(n, side, steps)) judged.push(t);
      continue;
    }
    const verdicts = replayIkev2(side, at.map((i) => ({ from: sa.transitions[i]!.from, to: sa.transitions[i]!.to, event: sa.transitions[i]!.input })), steps);
    verdicts.forEach((v, k) => {
      const i = at[k]!;
      const t: Transition = { ...sa.transitions[i]!, allowed: v.allowed };
      if (v.explanation !== undefined) t.explanation = v.explanation;
      judged[i] = t;
    });
  }
  if (judged.length === 0) return n;
  return { ...n, ikeSa: { ...sa, transitions: judged } };
}

/** A response this router sent that refuses the IKE SA itself (not only its child SA). */
function refuses(m: Ikev2Message): boolean {
  if (!m.response) return false;
  const notifies = m.payloads.filter((p) => p.startsWith('NOTIFY(')).map((p) => p.slice(7, -1));
  if (m.name === 'IKE_SA_INIT') return notifies.some(isErrorNotify);
  return notifies.includes('AUTHENTICATION_FAILED');
}

/** The states `side`'s packets imply, each at its packet's line, in the order of that router's log. */
function implied(n: Negotiation, side: Side, steps: Ikev2Steps): Transition[] {
  const sa = n.ikeSa!;
  // a liveness check leaves the IKE SA as it was: the machines model an INFORMATIONAL exchange as a delete, so
  // its packets imply no state (a DELETE the log does not show)
  const mine = sa.messages.filter((m) => m.packetLines[side] !== undefined && m.attempt === 1 && m.liveness !== true);
  mine.sort((a, b) => compareLines(a.packetLines[side]!, b.packetLines[side]!));
  if (mine.length === 0) return [];
  const packets: ObservedPacket[] = mine.map((m) => ({
    message: `${m.name}${m.response ? '.response' : ''}` as Ikev2MessageName,
    dir: m.from === side ? 'out' : 'in',
    refuses: m.from === side && refuses(m),
    notifies: m.payloads.filter((p) => p.startsWith('NOTIFY(')).map((p) => p.slice(7, -1)),
  }));
  const up = sa.outcome === 'complete';
  const key = `${side}|${up ? 1 : 0}|${packets.map((p) => `${p.dir}${p.message}${p.refuses ? '!' : ''}${p.notifies.join(',')}`).join(' ')}`;
  let walk = steps.implied.get(key) as ImpliedStep[] | undefined;
  if (walk === undefined) {
    walk = impliedIkev2Steps(side, packets, up, steps);
    steps.implied.set(key, walk);
  }
  return walk.map((s, i) => {
    const m = mine[s.packet]!;
    const packet = m.packetLines[side]!;
    // the steps that send or receive a packet, and those after the last, come once it has left or arrived:
    // a line inside its block, after the packet line (timeline/state-placement.ts)
    const after = s.carries || walk.slice(0, i + 1).some((w) => w.carries && w.packet === s.packet);
    const t: Transition = {
      from: s.from,
      to: s.to,
      input: s.carries ? `${m.name} ${m.response ? 'response' : 'request'} ${m.from === side ? 'sent' : 'received'}` : '',
      line: after ? { file: packet.file, line: packet.line + 1 } : packet,
      allowed: s.allowed,
      side,
      inputLine: null,
      time: m.time,
      node: null,
      implied: true,
    };
    if (s.explanation !== undefined) t.explanation = s.explanation;
    return t;
  });
}
