import { answerWords, CAPTURE_ADVICE, type InputAnswer } from '../../core/input-answer.ts';
import { strayEventNotes, type StrayEventNote } from '../../core/report/stray-event-notes.ts';
import type { PageAnalysis } from '../../worker/page-analysis.ts';

/** At most this many stray events are listed; the log pane annotates every line. */
const LISTED_EVENTS = 8;

/** Error and syslog lines that made no negotiation, with what each means. */
function StrayEvents({ notes }: { notes: StrayEventNote[] }) {
  return (
    <ul aria-label="Lines outside any negotiation" data-testid="input.events" className="list-disc pl-5">
      {notes.slice(0, LISTED_EVENTS).map((s) => (
        <li key={`${s.lines[0]?.file}:${s.lines[0]?.line}:${s.heading}`}>
          <span className="font-mono">{s.heading}</span>, line{s.lines.length === 1 ? '' : 's'} {s.lines.slice(0, 3).map((l) => l.line).join(', ')}
          {s.lines.length > 3 ? ` and ${s.lines.length - 3} more` : ''}
          {s.meaning !== null ? `: ${s.meaning}` : ''}
        </li>
      ))}
    </ul>
  );
}

/** What to run on the router to get output ikescope reads. */
function DebugCommands() {
  return (
    <p>
      {CAPTURE_ADVICE.map((part, i) =>
        typeof part === 'string' ? (
          part
        ) : (
          <code key={i} className="font-mono">
            {part.command}
          </code>
        ),
      )}
    </p>
  );
}

/** The core's words, and where the page shows what was read. */
const what = (answer: InputAnswer): string => {
  const pane = answer.kind === 'ikev2' || answer.kind === 'no-negotiation' ? ' Each is annotated in the log pane.' : answer.kind === 'not-ike' || answer.kind === 'asa-ikev1' ? ' The text is shown as it is in the log pane.' : '';
  return `${answerWords(answer)}${pane}`;
};

/** The page's answer to an input that gives nothing to draw: what was recognized, and what to paste instead. */
export function InputAnswerNotice({ answer, analysis }: { answer: InputAnswer; analysis: Pick<PageAnalysis, 'events' | 'lineTables' | 'records'> }) {
  const strays = answer.kind === 'no-negotiation' ? strayEventNotes(analysis) : [];
  return (
    <section
      aria-label="About this input"
      data-testid="input.answer"
      data-kind={answer.kind}
      className="space-y-1 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <p role="status" className="font-semibold">
        {what(answer)}
      </p>
      {strays.length > 0 && <StrayEvents notes={strays} />}
      {answer.kind !== 'config-only' && <DebugCommands />}
    </section>
  );
}

/** What the empty views say once the input's answer is known. */
export const NO_NEGOTIATION = 'No negotiation to draw in this input: see the note above the views.';
