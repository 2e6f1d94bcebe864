import { speeds } from '../playback/playback-machine.ts';

interface PlaybackControlsProps {
  cursor: number;
  stepCount: number;
  playing: boolean;
  speed: number;
  send: (event:
    | { type: 'NEXT' } | { type: 'PREV' } | { type: 'NEXT_MESSAGE' } | { type: 'PREV_MESSAGE' }
    | { type: 'START' } | { type: 'END' } | { type: 'TOGGLE' } | { type: 'SET_SPEED'; speed: number }) => void;
}

const button =
  'inline-flex min-h-6 min-w-6 items-center justify-center rounded border border-slate-300 px-2 text-xs hover:bg-slate-100 disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-800';

interface ControlProps {
  /** What the button does: its accessible name. */
  label: string;
  /** The glyph it shows; screen readers read the label instead. */
  glyph: string;
  keyHint: string;
  onClick: () => void;
  disabled?: boolean;
  testId?: string;
  pressed?: boolean;
}

function Control({ label, glyph, keyHint, onClick, disabled = false, testId, pressed }: ControlProps) {
  return (
    <button type="button" className={button} onClick={onClick} disabled={disabled} data-testid={testId} aria-pressed={pressed} title={`${label} (${keyHint})`}>
      <span aria-hidden="true">{glyph}</span>
      <span className="sr-only">{label}</span>
    </button>
  );
}

/** Step, play and jump; the same as the keyboard's arrows, space, Home and End. */
export function PlaybackControls({ cursor, stepCount, playing, speed, send }: PlaybackControlsProps) {
  const atStart = cursor < 0;
  const atEnd = cursor >= stepCount - 1;
  return (
    <div role="toolbar" aria-label="Playback" className="flex flex-wrap items-center justify-end gap-1">
      <Control label="Jump to start" glyph="|◀" keyHint="Home" onClick={() => send({ type: 'START' })} disabled={atStart} />
      <Control label="Previous message" glyph="◀ msg" keyHint="Up arrow" onClick={() => send({ type: 'PREV_MESSAGE' })} disabled={atStart} />
      <Control label="Previous step" glyph="◀" keyHint="Left arrow" testId="step.prev" onClick={() => send({ type: 'PREV' })} disabled={atStart} />
      <Control label={playing ? 'Pause' : 'Play'} glyph={playing ? '❚❚' : 'play'} keyHint="Space" testId="step.play" pressed={playing} onClick={() => send({ type: 'TOGGLE' })} />
      <Control label="Next step" glyph="▶" keyHint="Right arrow" testId="step.next" onClick={() => send({ type: 'NEXT' })} disabled={atEnd} />
      <Control label="Next message" glyph="msg ▶" keyHint="Down arrow" onClick={() => send({ type: 'NEXT_MESSAGE' })} disabled={atEnd} />
      <Control label="Jump to end" glyph="▶|" keyHint="End" onClick={() => send({ type: 'END' })} disabled={atEnd} />
      <label className="ml-1 flex items-center gap-1 text-xs">
        <span className="sr-only 2xl:not-sr-only">Speed</span>
        <select
          className="min-h-6 rounded border border-slate-300 bg-transparent px-1 dark:border-slate-700"
          value={speed}
          onChange={(event) => send({ type: 'SET_SPEED', speed: Number(event.target.value) })}
        >
          {speeds.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <span className="ml-1 text-xs whitespace-nowrap text-slate-600 tabular-nums dark:text-slate-400" aria-live="polite">
        step {cursor + 1} of {stepCount}
      </span>
    </div>
  );
}
