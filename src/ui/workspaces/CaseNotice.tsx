import type { CaseView } from './use-workspaces.ts';

/** In place of the views, while a stored case is read back, or when the link names one this browser lacks. */
export function CaseNotice({ view, onOpenExample }: { view: Exclude<CaseView, { status: 'open' }>; onOpenExample: () => void }) {
  if (view.status === 'opening') {
    return (
      <main className="p-4 text-sm" aria-busy="true">
        <p role="status">Opening the case kept in this browser…</p>
      </main>
    );
  }
  return (
    <main className="flex flex-col items-start gap-2 p-4 text-sm">
      <h2 className="text-base font-semibold">This browser does not hold the case this link names</h2>
      <p role="alert" data-testid="workspace.missing">
        The link names the case <code className="font-mono">{view.id}</code>, which is not kept in this browser:
        it was loaded in another browser, or cleared here. Cases never leave the browser they were loaded in, so
        no link can bring one along. Nothing is shown in its place.
      </p>
      <p>Open or drop its files again, paste its debug output, or open the built-in example.</p>
      <button
        type="button"
        onClick={onOpenExample}
        className="rounded border border-teal-700 px-3 py-1 text-xs font-semibold text-teal-800 hover:bg-teal-50 focus-visible:outline-2 focus-visible:outline-teal-600 dark:text-teal-300 dark:hover:bg-teal-950"
      >
        Open the example
      </button>
    </main>
  );
}

/** Said once storage has failed: the page works as before, but keeps nothing. */
export function StorageNotice({ problem }: { problem: string | null }) {
  if (problem === null) return null;
  return (
    <p role="status" data-testid="workspace.storage" className="bg-amber-100 px-4 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">
      Cases are not kept in this browser ({problem}): what you load stays until you close or reload the page.
    </p>
  );
}
