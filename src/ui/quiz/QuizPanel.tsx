import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Answered, Quiz } from './use-quiz.ts';
import { lookupTable } from '../../core/ike/lookup-table.ts';

const button =
  'rounded border border-slate-300 px-2 py-1 text-left text-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-focus disabled:cursor-default dark:border-slate-700 dark:hover:bg-slate-800';

/**
 * One question at a time: the choices as buttons, feedback with the explanation as soon as one is chosen,
 * the score at the end. Focus follows the quiz, so it can be done with Enter and Tab alone.
 */
export function QuizPanel({ quiz }: { quiz: Quiz }) {
  const { question, chosen, score } = quiz;
  const panel = useRef<HTMLDivElement>(null);
  const firstChoice = useRef<HTMLButtonElement>(null);
  const next = useRef<HTMLButtonElement>(null);
  const scoreRef = useRef<HTMLOutputElement>(null);

  useEffect(() => {
    // The question with its choices in view, not only the focused choice (the lab's editors sit above).
    panel.current?.scrollIntoView({ block: 'nearest' });
    if (score) scoreRef.current?.focus({ preventScroll: true });
    else if (chosen === undefined) firstChoice.current?.focus({ preventScroll: true });
    else next.current?.focus({ preventScroll: true });
  }, [question, chosen, score]);

  if (score) {
    return (
      <div ref={panel} className="grid gap-2 p-3 text-sm">
        <output ref={scoreRef} tabIndex={-1} data-testid="quiz.score" className="text-base font-semibold" aria-live="polite">
          Score: {score.right} / {score.total}
        </output>
        <p className="text-slate-600 dark:text-slate-400">The whole negotiation is shown again, annotations and findings included.</p>
        <QuizReview review={quiz.review} />
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
    <section ref={panel} aria-labelledby="quiz-question" className="grid gap-2 p-3 text-sm">
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Question {quiz.index + 1} of {quiz.count}
      </p>
      <h3 id="quiz-question" className="font-semibold">
        {question.prompt}
      </h3>
      {/* The arrows move between the choices, as in a radio group; Tab still reaches each one. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div role="group" aria-labelledby="quiz-question" className="grid gap-1 sm:grid-cols-2" onKeyDown={moveBetweenChoices}>
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

const arrowSteps = lookupTable<number>({ ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 });

/** Moves the focus to the next or previous choice, round the ends; the page's playback keys stay out of it. */
function moveBetweenChoices(event: KeyboardEvent<HTMLDivElement>) {
  const step = arrowSteps[event.key];
  if (step === undefined) return;
  const choices = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
  const at = choices.indexOf(document.activeElement as HTMLButtonElement);
  if (choices.length === 0 || at < 0) return;
  event.preventDefault();
  event.stopPropagation();
  choices[(at + step + choices.length) % choices.length]?.focus();
}

/** Each question again, with the learner's answer, the right one when it differs, and why. */
function QuizReview({ review }: { review: readonly Answered[] }) {
  const labelOf = (entry: Answered, id: string | undefined) => entry.question.choices.find((c) => c.id === id)?.label ?? id ?? 'no answer';
  return (
    <ol aria-label="Your answers" className="grid gap-2">
      {review.map((entry, index) => {
        const right = entry.chosen === entry.question.answer;
        return (
          <li key={index} className={`rounded border-l-4 px-2 py-1 ${right ? 'border-teal-600 bg-teal-50 dark:bg-teal-950' : 'border-red-600 bg-red-50 dark:bg-red-950'}`}>
            <p className="font-semibold">
              {index + 1}. {entry.question.prompt}
            </p>
            <p>
              {right ? 'Right: ' : 'Your answer: '}
              <span className="font-mono">{labelOf(entry, entry.chosen)}</span>
              {!right && (
                <>
                  {'; the answer: '}
                  <span className="font-mono">{labelOf(entry, entry.question.answer)}</span>
                </>
              )}
            </p>
            <p className="text-slate-700 dark:text-slate-300">{entry.question.explanation}</p>
          </li>
        );
      })}
    </ol>
  );
}
