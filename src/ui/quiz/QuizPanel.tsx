import { useEffect, useRef } from 'react';
import type { Quiz } from './use-quiz.ts';

const button =
  'rounded border border-slate-300 px-2 py-1 text-left text-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-teal-600 disabled:cursor-default dark:border-slate-700 dark:hover:bg-slate-800';

/** Starts a quiz on the negotiation in view: the message region's action, the quiz taking its place. */
export function QuizStart({ quiz, disabled, onStart }: { quiz: Quiz; disabled: boolean; onStart: () => void }) {
  return quiz.active ? (
    <button type="button" className={button} onClick={quiz.stop}>
      End quiz
    </button>
  ) : (
    <button type="button" className={button} data-testid="quiz.start" onClick={() => {
        onStart();
        quiz.start();
      }} disabled={disabled}>
      Quiz me
    </button>
  );
}

/**
 * One question at a time: the choices as buttons, feedback with the explanation as soon as one is chosen,
 * the score at the end. Focus follows the quiz, so it can be done with Enter and Tab alone.
 */
export function QuizPanel({ quiz }: { quiz: Quiz }) {
  const { question, chosen, score } = quiz;
  const firstChoice = useRef<HTMLButtonElement>(null);
  const next = useRef<HTMLButtonElement>(null);
  const scoreRef = useRef<HTMLOutputElement>(null);

  useEffect(() => {
    if (score) scoreRef.current?.focus();
    else if (chosen === undefined) firstChoice.current?.focus();
    else next.current?.focus();
  }, [question, chosen, score]);

  if (score) {
    return (
      <div className="grid gap-2 p-3 text-sm">
        <output ref={scoreRef} tabIndex={-1} data-testid="quiz.score" className="text-base font-semibold" aria-live="polite">
          Score: {score.right} / {score.total}
        </output>
        <p className="text-slate-600 dark:text-slate-400">The whole negotiation is shown again, annotations and findings included.</p>
        <button type="button" className={button} onClick={quiz.stop}>
          Close the quiz
        </button>
      </div>
    );
  }
  if (!question) return <p className="p-3 text-sm">This negotiation has nothing to ask about.</p>;
  const right = chosen === question.answer;
  const answerLabel = question.choices.find((c) => c.id === question.answer)?.label ?? question.answer;
  return (
    <section aria-labelledby="quiz-question" className="grid gap-2 p-3 text-sm">
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Question {quiz.index + 1} of {quiz.count}
      </p>
      <h3 id="quiz-question" className="font-semibold">
        {question.prompt}
      </h3>
      <div role="group" aria-labelledby="quiz-question" className="grid gap-1 sm:grid-cols-2">
        {question.choices.map((choice, index) => {
          const mark = chosen === undefined ? '' : choice.id === question.answer ? 'border-teal-600 bg-teal-50 dark:bg-teal-950' : choice.id === chosen ? 'border-red-600 bg-red-50 dark:bg-red-950' : '';
          return (
            <button
              key={choice.id}
              ref={index === 0 ? firstChoice : undefined}
              type="button"
              className={`${button} font-mono ${mark}`}
              aria-pressed={chosen === choice.id}
              disabled={chosen !== undefined}
              onClick={() => quiz.choose(choice.id)}
            >
              {choice.label}
            </button>
          );
        })}
      </div>
      {chosen !== undefined && (
        <div role="status" className={`rounded p-2 ${right ? 'bg-teal-50 text-teal-900 dark:bg-teal-950 dark:text-teal-100' : 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100'}`}>
          <p className="font-semibold">{right ? 'Right.' : `Not quite: the answer is ${answerLabel}.`}</p>
          <p>{question.explanation}</p>
        </div>
      )}
      {chosen !== undefined && (
        <button ref={next} type="button" className={button} onClick={quiz.next}>
          {quiz.index + 1 < quiz.count ? 'Next question' : 'See the score'}
        </button>
      )}
    </section>
  );
}
