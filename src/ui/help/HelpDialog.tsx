import { lazy, Suspense, useEffect, useRef } from 'react';
import { SHORTCUTS } from './shortcuts.ts';
import { keyOwnedByFocus } from '../dom/key-owner.ts';

// the legend's drawings come after the page's first JavaScript: the dialog is closed when the page opens
const Legend = lazy(() => import('./Legend.tsx').then((m) => ({ default: m.Legend })));

const control =
  'rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-teal-600 dark:border-slate-700 dark:hover:bg-slate-800';

/** The keyboard shortcuts and the ladder's legend, opened by its button or by `?` anywhere on the page. */
export function HelpDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || keyOwnedByFocus(event, false)) return;
      event.preventDefault();
      if (!dialog.current?.open) dialog.current?.showModal();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      <button
        type="button"
        className={`${control} font-semibold`}
        aria-label="Keys and legend"
        title="Keyboard shortcuts and legend (?)"
        aria-keyshortcuts="?"
        onClick={() => dialog.current?.showModal()}
      >
        ?
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="help-heading"
        className="m-auto max-h-[90vh] w-[min(40rem,95vw)] overflow-auto rounded-lg border border-slate-300 bg-white p-4 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <h2 id="help-heading" className="text-base font-semibold">
          Keyboard shortcuts and legend
        </h2>
        <h3 className="mt-3 text-sm font-semibold">Keyboard shortcuts</h3>
        <table className="mt-1 text-xs">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.does}>
                <th scope="row" className="py-0.5 pr-3 text-left font-normal whitespace-nowrap">
                  {s.keys.map((key, i) => (
                    <span key={key}>
                      {i > 0 && (s.keys[0] === 'Ctrl' ? ' + ' : ' / ')}
                      <kbd className="rounded border border-slate-300 px-1 font-mono dark:border-slate-600">{key}</kbd>
                    </span>
                  ))}
                </th>
                <td>{s.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3 className="mt-3 text-sm font-semibold">What the ladder draws</h3>
        <div className="mt-1">
          <Suspense fallback={<p className="text-xs">Loading the legend…</p>}>
            <Legend />
          </Suspense>
        </div>
        <form method="dialog" className="mt-3 flex justify-end">
          <button type="submit" className={control}>
            Close
          </button>
        </form>
      </dialog>
    </>
  );
}
