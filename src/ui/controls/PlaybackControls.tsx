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
  'rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-800';

/** Step, play and jump; the same as the keyboard's arrows, space, Home and End. */
export function PlaybackControls({ cursor, stepCount, playing, speed, send }: PlaybackControlsProps) {
  const atStart = cursor < 0;
  const atEnd = cursor >= stepCount - 1;
  return (
    <div role="toolbar" aria-label="Playback" className="flex flex-wrap items-center gap-1">
      <button type="button" className={button} onClick={() => send({ type: 'START' })} disabled={atStart} aria-label="Jump to start" title="Home">
        |◀
      </button>
      <button type="button" className={button} onClick={() => send({ type: 'PREV_MESSAGE' })} disabled={atStart} aria-label="Previous message" title="Up arrow">
        ◀ msg
      </button>
      <button type="button" className={button} data-testid="step.prev" onClick={() => send({ type: 'PREV' })} disabled={atStart} aria-label="Previous step" title="Left arrow">
        ◀
      </button>
      <button type="button" className={button} data-testid="step.play" onClick={() => send({ type: 'TOGGLE' })} aria-pressed={playing} aria-label={playing ? 'Pause' : 'Play'} title="Space">
        {playing ? '❚❚' : 'play'}
      </button>
      <button type="button" className={button} data-testid="step.next" onClick={() => send({ type: 'NEXT' })} disabled={atEnd} aria-label="Next step" title="Right arrow">
        ▶
      </button>
      <button type="button" className={button} onClick={() => send({ type: 'NEXT_MESSAGE' })} disabled={atEnd} aria-label="Next message" title="Down arrow">
        msg ▶
      </button>
      <button type="button" className={button} onClick={() => send({ type: 'END' })} disabled={atEnd} aria-label="Jump to end" title="End">
        ▶|
      </button>
      <label className="ml-1 flex items-center gap-1 text-xs">
        Speed
        <select
          className="rounded border border-slate-300 bg-transparent px-1 dark:border-slate-700"
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
      <span className="ml-1 text-xs text-slate-600 tabular-nums dark:text-slate-400" aria-live="polite">
        step {cursor + 1} of {stepCount}
      </span>
    </div>
  );
}
