/**
 * What a router's log says of phase 1 when the paste may hold only part of it: the mode, only when a line shows
 * it; the outcome as phase 1's own lines tell it, `complete` and implied when only later lines prove it (a Quick
 * Mode, an IPsec SA, QM_IDLE), and `not-logged` when no line says anything of phase 1.
 */
import type { Message, Phase1 } from '../analysis.ts';
import { nameInMode, phase1Position } from '../ike/messages.ts';
import type { Draft } from './draft.ts';

export interface Phase1View {
  mode: Phase1['mode'];
  outcome: Phase1['outcome'];
  implied: boolean;
}

/** A phase 1 state of the Main or Aggressive Mode machines (`IKE_I_MM3`, `IKE_R_AM1`...): it names the mode. */
const MODE_STATE = /^IKE_[IR]_(?:MM|AM)\d/;

export function phase1View(d: Draft): Phase1View {
  const modeShown = d.modeShown || fourMessages(d) || d.transitions.some((t) => MODE_STATE.test(t.from) || MODE_STATE.test(t.to));
  const mode = modeShown ? d.mode : null;
  // phase 1's own lines: its states (the Quick Modes keep theirs), its policy checks, its authentication
  const logged = modeShown || d.p1Failed || d.p1Logged || d.offered !== null || d.accepted !== null || d.transitions.length > 0;
  // a Quick Mode runs under a complete phase 1: its lines, or an IPsec SA created, prove it
  const proved = d.p1Complete || (!d.p1Failed && d.phase2.some((p) => p.quick || p.sas.length > 0 || p.complete || p.failed));
  if (proved) return { mode, outcome: 'complete', implied: !logged };
  if (d.p1Failed) return { mode, outcome: 'failed', implied: false };
  return { mode, outcome: logged || d.p1ShownDown ? 'incomplete' : 'not-logged', implied: false };
}

/** Two routers' views of one phase 1: what either shows. */
export function mergedPhase1View(a: Phase1View, b: Phase1View): Phase1View {
  const mode = a.mode === 'aggressive' || b.mode === 'aggressive' ? 'aggressive' : (a.mode ?? b.mode);
  for (const outcome of ['complete', 'failed', 'incomplete'] as const) {
    const shown = [a, b].filter((v) => v.outcome === outcome);
    if (shown.length > 0) return { mode, outcome, implied: shown.every((v) => v.implied) };
  }
  return { mode, outcome: 'not-logged', implied: false };
}

/** Four phase 1 messages are Main Mode: Aggressive Mode has three. */
function fourMessages(d: Draft): boolean {
  return d.messages.all.some((m) => m.name !== null && (phase1Position(m.name) ?? 0) >= 4);
}

/** Each phase 1 message named for the mode phase 1 shows (`nameInMode`): only a line that shows it names it. */
export function nameForMode(messages: readonly Message[], mode: Phase1['mode']): void {
  for (const m of messages) m.name = nameInMode(m.name, mode);
}
