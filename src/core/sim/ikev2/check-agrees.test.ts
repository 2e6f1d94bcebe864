/**
 * The simulation and the check decide alike (both through config/ikev2-decide.ts): for every IKEv2 preset whose
 * fault is in the configs (not the network), the check's agreement and the exchange it says fails are where the
 * simulated negotiation is refused.
 */
import { expect, test } from 'vitest';
import { checkCompatibility } from '../../config/compatibility.ts';
import { effectiveConfigFromText } from '../../config/effective.ts';
import { routerOf } from '../preset-scenario.ts';
import { IKEV2_PRESETS } from './presets.ts';
import { simulateIkev2 } from './simulate.ts';

const REFUSALS = ['NOTIFY(NO_PROPOSAL_CHOSEN)', 'NOTIFY(AUTHENTICATION_FAILED)', 'NOTIFY(TS_UNACCEPTABLE)'];

for (const p of IKEV2_PRESETS.filter((x) => x.faults.unreachable !== true)) {
  test(`${p.name}: the check predicts the simulated outcome and the refused exchange`, () => {
    const trace = simulateIkev2({ initiator: routerOf(p.initiator), responder: routerOf(p.responder) });
    const refusal = trace.steps.find((s) => s.event.kind === 'send' && s.event.payloads.some((x) => REFUSALS.includes(x)));
    const refusedAt = refusal?.event.kind === 'send' ? (refusal.event.message.split('.')[0] ?? null) : null;
    const check = checkCompatibility(effectiveConfigFromText(p.initiator.config), effectiveConfigFromText(p.responder.config));
    expect(check.ikeVersion).toBe(2);
    expect(check.failsAt).toBe(refusedAt);
    expect(check.phase1).toBe(trace.outcome.phase1 === 'complete' ? 'agree' : 'disagree');
    // the check judges the child SA's configs on their own; the simulation reaches it only over an IKE SA
    if (trace.outcome.phase1 === 'complete') expect(check.phase2).toBe(trace.outcome.phase2 === 'complete' ? 'agree' : 'disagree');
  });
}
