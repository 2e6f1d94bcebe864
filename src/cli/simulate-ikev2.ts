/**
 * `simulate` on IKEv2 configs or an IKEv2 preset: the same JSON (`ikescope.simulation/1`, with `"ikeVersion": 2`)
 * and text report as IKEv1's, made from the IKEv2 simulation's trace and its IOS IKEv2 debug output.
 */
import type { DebugStyle } from '../core/sim/debug-writer.ts';
import { writeIkev2Debug } from '../core/sim/ikev2/debug-writer.ts';
import type { Ikev2DebugStyle } from '../core/sim/ikev2/debug-style.ts';
import { simulateIkev2, type Ikev2Scenario } from '../core/sim/ikev2/simulate.ts';
import type { Ikev2SimStep, Ikev2SimTrace } from '../core/sim/ikev2/trace.ts';
import { IKEV2_MESSAGES, type Ikev2MessageName } from '../core/ike/messages.ts';
import type { Side } from '../core/ike/sides.ts';
import { SIMULATION_SCHEMA, simulationText } from './simulation-schema.ts';

/** `lose:initiator:IKE_AUTH`: that IKEv2 message is lost once on its way (names as the ladder spells them). */
export function ikev2LossOf(text: string): { from: Side; message: Ikev2MessageName } | null {
  const [kind, from, message] = text.split(':');
  if (kind !== 'lose' || (from !== 'initiator' && from !== 'responder')) return null;
  const name = IKEV2_MESSAGES.find((m) => m.toUpperCase() === message?.toUpperCase());
  return name === undefined ? null : { from, message: name };
}

function describeStep(step: Ikev2SimStep, trace: Ikev2SimTrace): string | null {
  const e = step.event;
  const who = step.side === 'initiator' ? trace.initiator.name : trace.responder.name;
  const time = `${String(step.at).padStart(6)} ms  ${who.padEnd(10)}`;
  switch (e.kind) {
    case 'send': {
      const to = step.side === 'initiator' ? trace.responder.name : trace.initiator.name;
      const flags = [e.retransmission ? 'retransmission' : '', e.lost ? 'LOST' : '', e.port === 4500 ? 'UDP 4500' : ''].filter(Boolean);
      return `${time} sends ${e.message} (${e.payloads.join(' ') || 'empty'}) to ${to}${flags.length > 0 ? ` (${flags.join(', ')})` : ''}`;
    }
    case 'transition':
      return `${time} ${e.from} -> ${e.to} (${e.event})`;
    case 'note': {
      const n = e.note;
      if (n.kind === 'proposal-check' && n.chosen === null) return `${time} no IKEv2 proposal in common: NO_PROPOSAL_CHOSEN`;
      if (n.kind === 'profile' && n.profile === null) return `${time} no IKEv2 profile matches the peer's identity '${n.identity.value}'`;
      if (n.kind === 'auth-verified' && !n.passed) return `${time} cannot verify the peer's AUTH: the pre-shared keys differ`;
      if (n.kind === 'child' && n.refusal !== null) return `${time} refuses the child SA: ${n.refusal}`;
      if (n.kind === 'nat' && n.found) return `${time} detects NAT between the peers`;
      if (n.kind === 'gave-up') return `${time} gives up on ${n.exchange}: no answer`;
      if (n.kind === 'no-profile') return `${time} has no IKEv2 profile to start with${n.name === null ? '' : ` (names ${n.name}, not defined)`}`;
      if (n.kind === 'policy' && n.offer.policy === null) return `${time} has no IKEv2 policy for its address ${n.local}`;
      return null;
    }
    case 'sm':
    case 'receive':
      return null;
    default:
      return e satisfies never;
  }
}

/** `--style` as IKEv2 takes it: `ios-xe` (the default) prints IOS-XE 17's lines, `ios-15` those of IOS 15.x and IOS-XE 16.x. */
export function ikev2StyleOf(style: DebugStyle | null): Ikev2DebugStyle {
  return style === 'ios-15' ? 'ios-15' : 'iosxe-17';
}

/** The IKEv2 simulation's JSON or text report. */
export function ikev2Report(scenario: Ikev2Scenario, json: boolean, preset: string | null, title: string | null, style: Ikev2DebugStyle): string {
  const trace = simulateIkev2(scenario);
  const debug = { initiator: writeIkev2Debug(trace, 'initiator', style), responder: writeIkev2Debug(trace, 'responder', style) };
  if (json) {
    const out = {
      schema: SIMULATION_SCHEMA,
      ikeVersion: 2,
      preset,
      initiator: trace.initiator,
      responder: trace.responder,
      faults: trace.faults,
      spis: trace.spis,
      outcome: trace.outcome,
      steps: trace.steps,
      debug,
    };
    return `${JSON.stringify(out, null, 2)}\n`;
  }
  const steps = trace.steps.flatMap((s) => describeStep(s, trace) ?? []);
  return simulationText(title, { initiator: trace.initiator, responder: trace.responder, how: 'IKEv2' }, `IKE SA ${trace.outcome.phase1}, child SA ${trace.outcome.phase2}`, steps, debug);
}
