import type { Question } from './questions.ts';

/** The score so far: answers given and how many were right. */
export function scoreOf(questions: readonly Question[], answers: readonly (string | undefined)[]): { right: number; total: number } {
  return { right: questions.filter((q, i) => answers[i] === q.answer).length, total: questions.length };
}
