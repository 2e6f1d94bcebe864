import { useState } from 'react';
import type { Workspaces } from './use-workspaces.ts';

const control =
  'rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-teal-600 dark:border-slate-700 dark:hover:bg-slate-800';

const two = (n: number) => String(n).padStart(2, '0');
/**
 * When a case was kept, as 2026-12-07 14:15 in the browser's time zone. Not by Intl: the page's first date
 * formatter loads the browser's locale data, 30-70 ms of the main thread, and the first case is kept while its
 * log loads.
 */
const savedWhen = (at: number) => {
  const d = new Date(at);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
};

/** Reopen a case kept in this browser, or forget them all: nothing of it was ever anywhere else. */
export function WorkspaceControls({ workspaces }: { workspaces: Workspaces }) {
  const [cleared, setCleared] = useState(false);
  const { stored } = workspaces;
  const shown = workspaces.current.status === 'open' ? workspaces.current.workspace.id : '';
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs">
      <label className="flex items-center gap-1">
        <span className="sr-only">Kept here</span>
        <select
          className="max-w-36 rounded border border-slate-300 bg-transparent px-1 py-1 dark:border-slate-700"
          value={stored.some((s) => s.id === shown) ? shown : ''}
          disabled={stored.length === 0}
          onChange={(event) => {
            if (event.target.value) workspaces.reopen(event.target.value);
          }}
        >
          <option value="" disabled>
            {stored.length === 0 ? 'no kept cases' : `${stored.length} kept case${stored.length === 1 ? '' : 's'}…`}
          </option>
          {stored.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title} ({savedWhen(s.savedAt)})
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className={control}
        title="Forget every case and the lab's setup kept in this browser"
        aria-label="Clear kept cases"
        onClick={() => void workspaces.clear().then(() => setCleared(true))}
      >
        Clear
      </button>
      {cleared && stored.length === 0 && (
        <span role="status" className="text-slate-600 dark:text-slate-400">
          Cleared: this browser keeps no case now.
        </span>
      )}
    </div>
  );
}
