/**
 * The last stage of the analysis: the negotiations as built, the replay verdicts, the config relations and
 * the findings, each the output of its own stage, put together into the Analysis' negotiations. Nothing a
 * stage returned is changed; a negotiation, exchange, message or transition that gains something is a new object.
 */
import type { Finding, Message, Negotiation, Transition } from './analysis.ts';
import type { Ikev2NegotiationConfigs, MessageConfig, NegotiationConfigs } from './attach-config.ts';
import type { NegotiationVerdicts, Verdict } from './negotiation/judge.ts';

export interface NegotiationParts {
  built: Negotiation;
  /** Null when replay was not asked for: `allowed` stays null. */
  verdicts: NegotiationVerdicts | null;
  configs: NegotiationConfigs;
  findings: Finding[];
}

/** A transition with its verdict: one object literal, not a spread, as a long log has hundreds of thousands. */
function judged(transitions: Transition[], verdicts: readonly Verdict[] | undefined): Transition[] {
  if (verdicts === undefined) return transitions;
  const out = new Array<Transition>(transitions.length);
  for (let i = 0; i < transitions.length; i += 1) {
    const t = transitions[i]!;
    const v = verdicts[i];
    if (v === undefined || (v.allowed === t.allowed && v.explanation === undefined)) {
      out[i] = t;
      continue;
    }
    const { from, to, input, line, side, inputLine, time, node } = t;
    out[i] = v.explanation === undefined ? { from, to, input, line, allowed: v.allowed, side, inputLine, time, node } : { from, to, input, line, allowed: v.allowed, side, inputLine, time, node, explanation: v.explanation };
  }
  return out;
}

function related(messages: Message[], configs: readonly MessageConfig[] | undefined): Message[] {
  if (configs === undefined) return messages;
  return messages.map((m, i) => {
    const c = configs[i];
    if (c === undefined) return m;
    if (c.configByAttribute === undefined || c.configDefaultsByAttribute === undefined) return { ...m, config: c.config };
    return { ...m, config: c.config, configByAttribute: c.configByAttribute, configDefaultsByAttribute: c.configDefaultsByAttribute };
  });
}

export function assembleNegotiation({ built, verdicts, configs, findings }: NegotiationParts): Negotiation {
  return {
    ...built,
    phase1: {
      ...built.phase1,
      messages: related(built.phase1.messages, configs.phase1 ?? undefined),
      transitions: judged(built.phase1.transitions, verdicts?.phase1),
    },
    phase2: built.phase2.map((p, i) => ({
      ...p,
      messages: related(p.messages, configs.phase2?.[i]),
      transitions: judged(p.transitions, verdicts?.phase2[i]),
    })),
    informational: related(built.informational, configs.informational ?? undefined),
    findings,
  };
}

/** An IKEv2 negotiation with each IKE SA message's config lines, when configs were given. */
export function withIkev2Configs(negotiation: Negotiation, configs: Ikev2NegotiationConfigs): Negotiation {
  const sa = negotiation.ikeSa;
  const messages = configs.messages;
  if (sa === undefined || messages === null) return negotiation;
  return {
    ...negotiation,
    ikeSa: {
      ...sa,
      messages: sa.messages.map((m, i) => {
        const c = messages[i];
        return c === undefined ? m : { ...m, config: c.config, configByAttribute: c.configByAttribute ?? {}, configDefaultsByAttribute: c.configDefaultsByAttribute ?? {} };
      }),
    },
  };
}
