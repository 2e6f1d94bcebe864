import { useMemo, useState } from 'react';
import type { Negotiation } from '../../core/analysis.ts';
import { timelineUpTo, type Timeline } from '../../core/timeline/timeline.ts';
import { configsOf, logsOf, type Workspace } from '../app/workspace.ts';
import type { Question, QuizConfig } from './questions.ts';
import { scoreOf } from './score.ts';
import { quizText } from './visible.ts';

interface QuizState {
  questions: readonly Question[];
  index: number;
  answers: readonly (string | undefined)[];
}

/** One question as the learner answered it, for the review at the end. */
export interface Answered {
  question: Question;
  chosen: string | undefined;
}

export interface Quiz {
  /** A question is in view: the views show the negotiation only as far as the learner has got. */
  active: boolean;
  /** Every question answered: the score and the review are in view, and the views are whole again. */
  finished: boolean;
  /** Running or finished: the quiz panel is in view. */
  open: boolean;
  review: readonly Answered[];
  /** The question in view, or null once the last has been answered and passed. */
  question: Question | null;
  index: number;
  count: number;
  /** The learner's answer to the question in view, once given. */
  chosen: string | undefined;
  score: { right: number; total: number } | null;
  /** What the views may show: the timeline up to the step in view, and each log file's lines up to it. */
  timeline: Timeline | null;
  cursor: number | null;
  /** The log files as far as the steps in view have printed them, the lines of later steps masked. */
  logs: <T extends { text: string }>(files: readonly T[]) => readonly T[];
  start: () => void;
  choose: (id: string) => void;
  next: () => void;
  stop: () => void;
}

/**
 * A quiz over the chosen negotiation. While it runs, the views show the negotiation only up to the step the
 * learner is at: future arrows, states and log lines are not drawn at all, so the layout gives nothing away.
 */
export function useQuiz(negotiation: Negotiation | undefined, timeline: Timeline | null, workspace: Workspace): Quiz {
  const [state, setState] = useState<QuizState | null>(null);
  const question = state?.questions[state.index] ?? null;
  const chosen = state?.answers[state.index];
  // Answered: the answer's step is shown; finished: nothing is held back, the views follow playback again.
  const upTo = !question || !timeline ? null : chosen === undefined ? question.at : question.reveals;
  const shown = useMemo(() => (timeline && upTo !== null ? timelineUpTo(timeline, upTo) : null), [timeline, upTo]);

  return {
    active: question !== null,
    finished: state !== null && question === null,
    open: state !== null,
    review: state && !question ? state.questions.map((q, i) => ({ question: q, chosen: state.answers[i] })) : [],
    question,
    index: state?.index ?? 0,
    count: state?.questions.length ?? 0,
    chosen,
    score: state && !question ? scoreOf(state.questions, state.answers) : null,
    timeline: shown,
    cursor: upTo,
    logs: (files) => (shown && timeline && upTo !== null ? files.map((f, i) => ({ ...f, text: quizText(f.text, shown, timeline, upTo, i) })) : files),
    start: () => {
      if (!negotiation || !timeline) return;
      const configs = quizConfigsOf(workspace);
      // the questions' module loads when a quiz starts, not with the page
      void import('./questions.ts').then((m) => setState({ questions: m.quizQuestions(negotiation, timeline, configs), index: 0, answers: [] }));
    },
    choose: (id) =>
      setState((s) => {
        if (!s || s.answers[s.index] !== undefined) return s;
        const answers = [...s.answers];
        answers[s.index] = id;
        return { ...s, answers };
      }),
    next: () => setState((s) => (s ? { ...s, index: s.index + 1 } : s)),
    stop: () => setState(null),
  };
}

/** The workspace's configs as the analysis numbers them: after the logs. */
function quizConfigsOf(workspace: Workspace): QuizConfig[] {
  const logCount = logsOf(workspace).length;
  return configsOf(workspace).map((f, index) => ({ file: logCount + index, router: f.router ?? f.name, text: f.text }));
}
