import type { Side } from '../../core/ike/sides.ts';
import { AGGRESSIVE_MODE, IKEV2_MESSAGES, MAIN_MODE, MODE_NOT_SHOWN, QUICK_MODE, type MessageName } from '../../core/ike/messages.ts';
import { negotiationOutcome } from '../../core/summary/summary.ts';
import type { LineRef } from '../../core/ike/line-ref.ts';
import type { Negotiation } from '../../core/analysis.ts';
import { messageGuide } from '../../core/ike/message-guide.ts';
import type { Timeline } from '../../core/timeline/timeline.ts';

/**
 * A quiz over one negotiation, generated from its timeline: before each message the learner says which
 * comes next, after it the state the receiver moves to, and for a failed negotiation the config line at
 * fault. Plain data; the page only shows it and counts the answers.
 */
export type QuestionKind = 'message' | 'state' | 'config';

export interface Choice {
  id: string;
  label: string;
}

export interface Question {
  kind: QuestionKind;
  prompt: string;
  /** The timeline step the learner sees while answering: everything after it stays hidden. */
  at: number;
  /** The step the answer reveals. */
  reveals: number;
  choices: readonly Choice[];
  answer: string;
  explanation: string;
}

/** A config file of the analysis: its index in `input.files` and its text. */
export interface QuizConfig {
  file: number;
  router: string;
  text: string;
}

/** At most this many choices: the answer and the nearest wrong ones. */
const CHOICES = 4;

const families: readonly (readonly MessageName[])[] = [MAIN_MODE, AGGRESSIVE_MODE, MODE_NOT_SHOWN, QUICK_MODE, IKEV2_MESSAGES];

const ikev2Names: ReadonlySet<string> = new Set(IKEV2_MESSAGES);

/** A stable order that does not put the answer in the same place every time. */
function arrange(answer: Choice, others: readonly Choice[], salt: number): Choice[] {
  const unique = others.filter((c, i) => c.id !== answer.id && others.findIndex((o) => o.id === c.id) === i);
  const picked = unique.slice(0, CHOICES - 1);
  const at = salt % (picked.length + 1);
  return [...picked.slice(0, at), answer, ...picked.slice(at)];
}

/** Wrong message names closest to the right one: its neighbours in its exchange, then IKEv1's NOTIFY and DELETE. */
function messageChoices(name: MessageName): MessageName[] {
  const family = families.find((f) => f.includes(name)) ?? [];
  const index = family.indexOf(name);
  const near = [...family].sort((a, b) => Math.abs(family.indexOf(a) - index) - Math.abs(family.indexOf(b) - index));
  // IKEv2 says those with INFORMATIONAL, which its family holds
  return ikev2Names.has(name) ? near : [...near, 'NOTIFY', 'DELETE'];
}

const sideLabel = (negotiation: Negotiation, side: Side) => `${negotiation.routers[side].name} (${side})`;

function messageQuestions(negotiation: Negotiation, timeline: Timeline): Question[] {
  const out: Question[] = [];
  timeline.messageSteps.forEach((stepIndex, order) => {
    const step = timeline.steps[stepIndex];
    if (step?.kind !== 'message' || step.message.retransmission) return;
    const { name, from } = step.message;
    const guide = messageGuide(name);
    const others = messageChoices(name).map((n) => ({ id: n, label: n }));
    out.push({
      kind: 'message',
      prompt: `Which message comes next, and ${sideLabel(negotiation, from)} sends it?`,
      at: stepIndex - 1,
      reveals: stepIndex,
      choices: arrange({ id: name, label: name }, others, order),
      answer: name,
      explanation: `${guide.title}. ${guide.purpose} ${guide.sender}`,
    });
  });
  return out;
}

/** The states `side` moves to in the steps from `from` up to (not including) `to`. */
function reachedBetween(timeline: Timeline, side: Side, from: number, to: number): Set<string> {
  const reached = new Set<string>();
  for (const step of timeline.steps.slice(from, to)) {
    if (step.kind === 'transition' && step.transition.side === side) reached.add(step.transition.to);
  }
  return reached;
}

/** After each first sending, the receiver's next change of state. */
function stateQuestions(negotiation: Negotiation, timeline: Timeline): Question[] {
  const out: Question[] = [];
  // Each router's states, once: a long log asks many questions.
  const statesOf = (side: Side) => [
    ...new Set(
      timeline.steps.flatMap((s) => (s.kind === 'transition' && s.transition.side === side ? [s.transition.to] : [])),
    ),
  ];
  const states: Record<Side, string[]> = { initiator: statesOf('initiator'), responder: statesOf('responder') };
  timeline.messageSteps.forEach((stepIndex, order) => {
    const step = timeline.steps[stepIndex];
    if (step?.kind !== 'message' || step.message.retransmission) return;
    const receiver: Side = step.message.from === 'initiator' ? 'responder' : 'initiator';
    const nextMessage = timeline.messageSteps[order + 1] ?? timeline.steps.length;
    for (let index = stepIndex + 1; index < nextMessage; index++) {
      const t = timeline.steps[index];
      if (t?.kind !== 'transition' || t.transition.side !== receiver || t.transition.from === t.transition.to) continue;
      const answer = t.transition.to;
      // Every state the receiver passes through before the next message is a right answer too (IKE_I_MM6, then
      // IKE_P1_COMPLETE at once): none of them may be offered as a wrong one.
      const alsoReached = reachedBetween(timeline, receiver, index + 1, nextMessage);
      const known = states[receiver].filter((state) => state === answer || !alsoReached.has(state));
      // A router seen in one state only leaves nothing to choose between.
      if (known.length < 2) return;
      const position = known.indexOf(answer);
      const near = [...known].sort((a, b) => Math.abs(known.indexOf(a) - position) - Math.abs(known.indexOf(b) - position));
      out.push({
        kind: 'state',
        prompt: `${step.message.name} has reached ${sideLabel(negotiation, receiver)}. Which state does it move to?`,
        at: index - 1,
        reveals: index,
        choices: arrange({ id: answer, label: answer }, near.map((s) => ({ id: s, label: s })), order + 1),
        answer,
        explanation: `On ${t.transition.input} the model takes ${receiver === 'initiator' ? 'the initiator' : 'the responder'} from ${t.transition.from} to ${answer}. ${messageGuide(step.message.name).receiver}`,
      });
      return;
    }
  });
  return out;
}

const lineText = (configs: readonly QuizConfig[], ref: LineRef) => {
  const config = configs.find((c) => c.file === ref.file);
  const text = config?.text.split(/\r\n|\r|\n/)[ref.line - 1]?.trim();
  return config && text ? { id: `${ref.file}:${ref.line}`, label: `${config.router}: ${text}` } : null;
};

/** For a failed negotiation whose findings name config lines: which line would you change? */
function configQuestion(negotiation: Negotiation, timeline: Timeline, configs: readonly QuizConfig[]): Question | null {
  if (negotiationOutcome(negotiation) !== 'failed') return null;
  for (const finding of negotiation.findings) {
    const refs = [...(finding.configLines ?? []), ...finding.lines];
    const faults = refs.map((l) => lineText(configs, l)).filter((c) => c !== null);
    // The line on the router where the cause is, when the finding says which; any of them is at fault.
    const router = finding.side ? negotiation.routers[finding.side].name : null;
    const fault = faults.find((c) => router !== null && c.label.startsWith(`${router}: `)) ?? faults[0];
    if (!fault) continue;
    const atFault = new Set(faults.map((c) => c.id));
    const others = configs.flatMap((c) =>
      c.text.split(/\r\n|\r|\n/).flatMap((_, index) => {
        const choice = lineText(configs, { file: c.file, line: index + 1 });
        const statement = choice?.label.split(': ')[1] ?? '';
        return choice && !atFault.has(choice.id) && /^(?:crypto|encryption|hash|group|authentication|set|match|permit)\b/.test(statement) ? [choice] : [];
      }),
    );
    // Lines of the same kind as the fault first (another `encryption`, another `crypto isakmp`), then the rest.
    const kindOf = (c: Choice) => (c.label.split(': ')[1] ?? '').split(' ')[0];
    const sameKind = others.filter((c) => kindOf(c) === kindOf(fault));
    const last = timeline.steps.length - 1;
    return {
      kind: 'config',
      prompt: 'The negotiation failed. Which configuration line is at fault?',
      at: last,
      reveals: last,
      choices: arrange(fault, [...sameKind, ...others.filter((c) => !sameKind.includes(c))], negotiation.findings.length),
      answer: fault.id,
      explanation: `${finding.summary} Fix: ${finding.fix}`,
    };
  }
  return null;
}

/** The questions in the order the negotiation happened, the config line last. */
export function quizQuestions(negotiation: Negotiation, timeline: Timeline, configs: readonly QuizConfig[] = []): Question[] {
  const inOrder = [...messageQuestions(negotiation, timeline), ...stateQuestions(negotiation, timeline)].sort(
    (a, b) => a.reveals - b.reveals,
  );
  const config = configQuestion(negotiation, timeline, configs);
  return config ? [...inOrder, config] : inOrder;
}

