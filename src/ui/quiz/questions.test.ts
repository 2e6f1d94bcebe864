import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Negotiation } from '../../core/analysis.ts';
import { analyze } from '../../core/analyze.ts';
import { labSetupOf, runLab } from '../../core/sim/lab.ts';
import { buildTimeline, type Timeline } from '../../core/timeline/timeline.ts';
import { quizQuestions, type Question, type QuizConfig } from './questions.ts';
import { scoreOf } from './score.ts';

const seed = readFileSync('fixtures/seed/ios-ikev1-main-mode-debugs.txt', 'utf8');
const r2 = readFileSync('fixtures/configs/seed-R2.config.txt', 'utf8');
const r3 = readFileSync('fixtures/configs/seed-R3.config.txt', 'utf8');

function corpusLog(prefix: string) {
  const name = readdirSync('fixtures/corpus').find((f) => f.startsWith(prefix) && f.endsWith('.log'));
  if (!name) throw new Error(`no corpus log ${prefix}`);
  return { name, text: readFileSync(`fixtures/corpus/${name}`, 'utf8') };
}

function fromLogs(logs: { name: string; text: string }[]): { negotiation: Negotiation; timeline: Timeline } {
  const negotiation = analyze(logs).negotiations[0]!;
  return { negotiation, timeline: buildTimeline(negotiation) };
}

function simulated(preset: string) {
  const run = runLab(labSetupOf(preset)!);
  if (!run.ok) throw new Error(run.error);
  return fromLogs(run.files.filter((f) => f.kind === 'log'));
}

const cases: { name: string; load: () => { negotiation: Negotiation; timeline: Timeline }; messages: string[] }[] = [
  { name: 'the seed document', load: () => fromLogs([{ name: 'seed', text: seed }]), messages: ['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6', 'QM1', 'QM2', 'QM3'] },
  { name: 'the simulated seed', load: () => simulated('seed'), messages: ['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6', 'QM1', 'QM2', 'QM3'] },
  { name: 'simulated NAT-T', load: () => simulated('nat-t'), messages: ['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6', 'QM1', 'QM2', 'QM3'] },
  { name: 'simulated psk-mismatch', load: () => simulated('psk-mismatch'), messages: ['MM1', 'MM2', 'MM3', 'MM4', 'MM5'] },
  {
    name: 'an IKEv2 SA up, both ASAs logged (corpus 29 and 30)',
    load: () => fromLogs([corpusLog('29-'), corpusLog('30-')]),
    messages: ['IKE_SA_INIT', 'IKE_SA_INIT.response', 'IKE_AUTH', 'IKE_AUTH.response'],
  },
  {
    name: 'an IKEv2 child SA refused, one IOS-XE router (corpus 11)',
    load: () => fromLogs([corpusLog('11-')]),
    // its two deletes, each an INFORMATIONAL exchange of its own
    messages: ['IKE_SA_INIT', 'IKE_SA_INIT.response', 'IKE_AUTH', 'IKE_AUTH.response', 'INFORMATIONAL', 'INFORMATIONAL.response', 'INFORMATIONAL', 'INFORMATIONAL.response'],
  },
];

/** What the quiz must hold for any negotiation: never shows the answer, each answer among its choices once. */
function checkInvariants(questions: readonly Question[], timeline: Timeline) {
  let previous = -Infinity;
  for (const q of questions) {
    expect(q.choices.filter((c) => c.id === q.answer)).toHaveLength(1);
    expect(new Set(q.choices.map((c) => c.id)).size).toBe(q.choices.length);
    expect(q.choices.length).toBeGreaterThanOrEqual(2);
    expect(q.choices.length).toBeLessThanOrEqual(4);
    expect(q.reveals).toBeGreaterThanOrEqual(previous);
    previous = q.reveals;
    if (q.kind === 'config') continue;
    // The step that gives the answer is after the one in view while the learner answers.
    expect(q.reveals).toBeGreaterThan(q.at);
    const step = timeline.steps[q.reveals];
    expect(step?.kind === 'message' ? step.message.name : step?.transition.to).toBe(q.answer);
    if (step?.kind !== 'transition') continue;
    // Never two right answers: no wrong choice is a state the router also reaches before the next message.
    const nextMessage = timeline.messageSteps.find((m) => m > q.reveals) ?? timeline.steps.length;
    const reached = timeline.steps
      .slice(q.reveals, nextMessage)
      .flatMap((s) => (s.kind === 'transition' && s.transition.side === step.transition.side ? [s.transition.to] : []));
    expect(q.choices.filter((c) => c.id !== q.answer && reached.includes(c.id)), q.prompt).toEqual([]);
  }
}

describe('quizQuestions', () => {
  test('an IKEv2 message question offers IKEv2 names only', () => {
    const { negotiation, timeline } = fromLogs([corpusLog('29-'), corpusLog('30-')]);
    const first = quizQuestions(negotiation, timeline).find((q) => q.kind === 'message');
    expect(first?.choices.map((c) => c.id).sort()).toEqual(['IKE_AUTH', 'IKE_AUTH.response', 'IKE_SA_INIT', 'IKE_SA_INIT.response']);
  });

  for (const c of cases) {
    test(`${c.name}: one message question per first sending, in order, answers never in view`, () => {
      const { negotiation, timeline } = c.load();
      const questions = quizQuestions(negotiation, timeline);
      expect(questions.filter((q) => q.kind === 'message').map((q) => q.answer)).toEqual(c.messages);
      expect(questions.filter((q) => q.kind === 'state').length).toBeGreaterThan(0);
      checkInvariants(questions, timeline);
    });
  }

  test('the seed: after MM1 reaches R3, the state question asks for IKE_R_MM1', () => {
    const { negotiation, timeline } = fromLogs([{ name: 'seed', text: seed }]);
    const first = quizQuestions(negotiation, timeline).find((q) => q.kind === 'state');
    expect(first?.prompt).toContain('MM1 has reached R3 (responder)');
    expect(first?.answer).toBe('IKE_R_MM1');
    expect(first?.explanation).toContain('IKE_READY');
  });

  test('the answer does not always sit in the same place among the choices', () => {
    const { negotiation, timeline } = fromLogs([{ name: 'seed', text: seed }]);
    const places = new Set(quizQuestions(negotiation, timeline).map((q) => q.choices.findIndex((c) => c.id === q.answer)));
    expect(places.size).toBeGreaterThan(1);
  });

  const faults: { name: string; side?: 'initiator' | 'responder'; answer: 'R2' | 'R3' }[] = [
    { name: 'the finding names the responder', side: 'responder', answer: 'R3' },
    { name: 'the finding names the initiator', side: 'initiator', answer: 'R2' },
    { name: 'the finding names no side', answer: 'R2' },
  ];
  for (const c of faults) {
    test(`a failed negotiation ends with the config line at fault: ${c.name}`, () => {
      const analysis = analyze([{ name: 'seed', text: seed }], { configs: [{ name: 'R2', text: r2 }, { name: 'R3', text: r3 }] });
      const base = analysis.negotiations[0]!;
      const keyLine = r3.split('\n').findIndex((l) => l.startsWith('crypto isakmp key')) + 1;
      const negotiation: Negotiation = {
        ...base,
        phase1: { ...base.phase1, outcome: 'failed' },
        findings: [
          {
            code: 'PSK_MISMATCH',
            severity: 'error',
            lines: [{ file: 0, line: 1 }],
            configLines: [{ file: 1, line: keyLine }, { file: 2, line: keyLine }],
            ...(c.side ? { side: c.side } : {}),
            summary: 'The keys differ.',
            fix: 'Set the same key on both routers.',
          },
        ],
      };
      const configs: QuizConfig[] = [
        { file: 1, router: 'R2', text: r2 },
        { file: 2, router: 'R3', text: r3 },
      ];
      const timeline = buildTimeline(negotiation);
      const questions = quizQuestions(negotiation, timeline, configs);
      const last = questions[questions.length - 1];
      expect(last?.kind).toBe('config');
      expect(last?.answer).toBe(`${c.answer === 'R2' ? 1 : 2}:${keyLine}`);
      expect(last?.choices.find((ch) => ch.id === last.answer)?.label).toBe(`${c.answer}: crypto isakmp key cisco address ipv6 ::/0`);
      // The other router's key line is at fault too, so it is not offered as a wrong answer.
      expect(last?.choices.filter((ch) => ch.label.includes('crypto isakmp key'))).toHaveLength(1);
      expect(last?.choices.length).toBe(4);
      expect(last?.explanation).toBe('The keys differ. Fix: Set the same key on both routers.');
      checkInvariants(questions, timeline);
      // Without configs, or when the negotiation succeeded, no such question.
      expect(quizQuestions(negotiation, timeline).some((q) => q.kind === 'config')).toBe(false);
      expect(quizQuestions(base, buildTimeline(base), configs).some((q) => q.kind === 'config')).toBe(false);
    });
  }

  test('the simulated psk-mismatch, with its configs, asks for a key line last', () => {
    const run = runLab(labSetupOf('psk-mismatch')!);
    if (!run.ok) throw new Error(run.error);
    const logs = run.files.filter((f) => f.kind === 'log');
    const configFiles = run.files.filter((f) => f.kind === 'config');
    const negotiation = analyze(logs, { configs: configFiles }).negotiations[0]!;
    const configs = configFiles.map((f, i) => ({ file: logs.length + i, router: f.router, text: f.text }));
    const questions = quizQuestions(negotiation, buildTimeline(negotiation), configs);
    const last = questions[questions.length - 1]!;
    expect(last.kind).toBe('config');
    expect(last.choices.find((ch) => ch.id === last.answer)?.label).toMatch(/^(HQ|BRANCH): crypto isakmp key cisco(123|321) address/);
  });

  test('scoreOf counts right answers only', () => {
    const { negotiation, timeline } = fromLogs([{ name: 'seed', text: seed }]);
    const questions = quizQuestions(negotiation, timeline);
    const answers = questions.map((q, i) => (i % 2 === 0 ? q.answer : 'wrong'));
    expect(scoreOf(questions, answers)).toEqual({ right: Math.ceil(questions.length / 2), total: questions.length });
    expect(scoreOf(questions, [])).toEqual({ right: 0, total: questions.length });
  });

  // Every real log of the corpus, every negotiation in it: the same promises hold.
  const corpus = readdirSync('fixtures/corpus').filter((f) => f.endsWith('.log'));
  for (const file of corpus) {
    test(`corpus ${file}: every negotiation's quiz keeps its answers out of view`, () => {
      const analysis = analyze([{ name: file, text: readFileSync(`fixtures/corpus/${file}`, 'utf8') }]);
      for (const negotiation of analysis.negotiations) {
        const timeline = buildTimeline(negotiation);
        const questions = quizQuestions(negotiation, timeline);
        expect(questions.filter((q) => q.kind === 'message').length).toBe(
          timeline.messageSteps.filter((i) => {
            const step = timeline.steps[i];
            return step?.kind === 'message' && !step.message.retransmission;
          }).length,
        );
        checkInvariants(questions, timeline);
      }
    });
  }
});
