interface LadderToolbarProps {
  zoom: number;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onReset: () => void;
  /** Messages in the negotiation, and how many of them are drawn now when not all are. */
  messages: number;
  drawn: number | null;
}

const BUTTON =
  'inline-flex min-h-6 min-w-6 items-center justify-center rounded border border-slate-300 px-2 text-xs font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-focus dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800';

/** Zoom controls for keyboard and mouse users alike; the wheel pans, Ctrl/⌘ + wheel zooms. */
export function LadderToolbar({ zoom, onZoomIn, onZoomOut, onReset, messages, drawn }: LadderToolbarProps) {
  return (
    <div className="flex items-center gap-2 border-b border-slate-200 px-2 py-1 dark:border-slate-800">
      <button type="button" className={BUTTON} onClick={onZoomOut} aria-label="Zoom out">
        −
      </button>
      <button type="button" className={BUTTON} onClick={onZoomIn} aria-label="Zoom in">
        +
      </button>
      <button type="button" className={BUTTON} onClick={onReset} data-testid="ladder.reset-zoom">
        Reset zoom
      </button>
      <span className="text-xs text-slate-600 tabular-nums dark:text-slate-300" aria-live="off">
        {Math.round(zoom * 100)}% · {messages} {messages === 1 ? 'message' : 'messages'}
        {drawn !== null ? ` (${drawn} drawn)` : ''}
      </span>
    </div>
  );
}
