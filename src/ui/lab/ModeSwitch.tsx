import type { PageMode } from './mode.ts';

const modes: readonly { mode: PageMode; label: string }[] = [
  { mode: 'analyse', label: 'Log analysis' },
  { mode: 'lab', label: 'Lab' },
];

/** The header's switch between the two modes. */
export function ModeSwitch({ mode, onChange }: { mode: PageMode; onChange: (mode: PageMode) => void }) {
  return (
    <div role="group" aria-label="Mode" className="flex overflow-hidden rounded border border-teal-700 text-xs">
      {modes.map((m) => (
        <button
          key={m.mode}
          type="button"
          aria-pressed={mode === m.mode}
          data-testid={`mode.${m.mode}`}
          onClick={() => onChange(m.mode)}
          className={`px-2 py-1 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-focus ${
            mode === m.mode ? 'bg-teal-700 font-semibold text-white' : 'text-teal-800 hover:bg-teal-50 dark:text-teal-300 dark:hover:bg-teal-950'
          }`}
        >
          {m.label}
        </button>
      ))}
    </div>
  );
}
