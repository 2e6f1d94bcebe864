import { useRef, useState } from 'react';
import type { Workspace } from '../app/workspace.ts';
import { workspaceFromFiles, workspaceFromPaste } from './read-files.ts';
import { examples } from '../../examples/examples.ts';

interface LoadControlsProps {
  onLoad: (workspace: Workspace) => void;
}

const control =
  'rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-focus dark:border-slate-700 dark:hover:bg-slate-800';

/** Open files, paste text, or pick a built-in example. Nothing is uploaded: files are read in the page. */
export function LoadControls({ onLoad }: LoadControlsProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [pasted, setPasted] = useState('');
  const empty = pasted.trim() === '';
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className={`${control} cursor-pointer focus-within:outline-2 focus-within:outline-focus`}>
        Open files…
        <input
          type="file"
          multiple
          data-testid="load.file"
          className="sr-only"
          onChange={async (event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            if (files.length > 0) onLoad(await workspaceFromFiles(files));
          }}
        />
      </label>
      <button type="button" className={control} onClick={() => dialog.current?.showModal()}>
        Paste…
      </button>
      <label className="flex items-center gap-1 text-xs">
        Example
        <select
          id="example-picker"
          className="w-40 rounded border border-slate-300 bg-transparent px-1 py-1 dark:border-slate-700"
          defaultValue=""
          onChange={(event) => {
            const example = examples.find((e) => e.id === event.target.value);
            if (example) void Promise.resolve(example.workspace()).then(onLoad);
            event.target.value = '';
          }}
        >
          <option value="" disabled>
            choose…
          </option>
          {examples.map((e) => (
            <option key={e.id} value={e.id}>
              {e.label}
            </option>
          ))}
        </select>
      </label>
      <dialog
        ref={dialog}
        aria-label="Paste debug output or a config"
        className="m-auto w-[min(56rem,95vw)] rounded-lg border border-slate-300 bg-white p-4 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <form
          method="dialog"
          className="flex flex-col gap-2"
          onSubmit={() => {
            if (!empty) onLoad(workspaceFromPaste(pasted));
            setPasted('');
          }}
        >
          <label htmlFor="paste-text" className="text-sm font-semibold">
            Paste debug output (debug crypto isakmp / ipsec / kmi / ikev2) or a router&apos;s crypto config
          </label>
          <textarea
            id="paste-text"
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
            rows={16}
            spellCheck={false}
            aria-describedby="paste-hint"
            className="rounded border border-slate-300 bg-transparent p-2 font-mono text-xs dark:border-slate-700"
          />
          <div className="flex items-center justify-end gap-2">
            <p id="paste-hint" className="mr-auto text-xs text-slate-600 dark:text-slate-400">
              {empty ? 'Nothing pasted yet: paste the router’s output above to analyse it.' : 'Read in this page: nothing is uploaded.'}
            </p>
            <button type="button" className={control} onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button
              type="submit"
              disabled={empty}
              aria-describedby="paste-hint"
              className={`${control} bg-teal-700 text-white hover:bg-teal-800 disabled:cursor-not-allowed disabled:opacity-50 dark:hover:bg-teal-600`}
            >
              Analyse
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
