import type { Quiz } from './use-quiz.ts';

const button =
  'rounded border border-slate-300 px-2 py-1 text-left text-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-focus disabled:cursor-default dark:border-slate-700 dark:hover:bg-slate-800';

/** Starts a quiz on the negotiation in view: the message region's action, the quiz taking its place. */
export function QuizStart({ quiz, disabled, onStart }: { quiz: Quiz; disabled: boolean; onStart: () => void }) {
  return quiz.open ? (
    <button type="button" className={button} onClick={quiz.stop}>
      {quiz.finished ? 'Close the quiz' : 'End quiz'}
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
