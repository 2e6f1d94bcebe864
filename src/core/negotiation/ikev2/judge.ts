/**
 * Replay verdicts for IKEv2: each router's SM Trace transitions judged by the IKEv2 machine of its side
 * (src/core/fsm/ikev2/replay.ts). Returns the negotiation with its transitions judged; the one built is left as it is.
 */
import type { Negotiation, Transition } from '../../analysis.ts';
import { replayIkev2, type Ikev2Steps } from '../../fsm/ikev2/replay.ts';

export function judgeIkev2(n: Negotiation, steps: Ikev2Steps): Negotiation {
  const sa = n.ikeSa;
  if (sa === undefined || sa.transitions.length === 0) return n;
  const judged: Transition[] = sa.transitions.slice();
  for (const side of ['initiator', 'responder'] as const) {
    const at: number[] = [];
    sa.transitions.forEach((t, i) => {
      if (t.side === side) at.push(i);
    });
    if (at.length === 0) continue;
    const verdicts = replayIkev2(side, at.map((i) => ({ from: sa.transitions[i]!.from, to: sa.transitions[i]!.to, event: sa.transitions[i]!.input })), steps);
    verdicts.forEach((v, k) => {
      const i = at[k]!;
      const t: Transition = { ...sa.transitions[i]!, allowed: v.allowed };
      if (v.explanation !== undefined) t.explanation = v.explanation;
      judged[i] = t;
    });
  }
  return { ...n, ikeSa: { ...sa, transitions: judged } };
}
