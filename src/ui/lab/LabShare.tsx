import { useId, useState } from 'react';
import type { LabSetup } from '../../core/sim/lab.ts';
import { readDeepLink } from '../app/deep-link.ts';
import { exerciseUrl, hasKeys } from './share.ts';

const button =
  'rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-focus dark:border-slate-700 dark:hover:bg-slate-800';

/** A link to this exercise (configs, preset, faults and the current step), made in the page: no server. */
export function LabShare({ setup }: { setup: LabSetup }) {
  const [includeKeys, setIncludeKeys] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  const linkId = useId();
  const share = () => {
    const next = exerciseUrl(window.location.href, setup, includeKeys, readDeepLink(window.location.hash).step);
    setUrl(next);
    // The address bar holds the exercise too, so a reload reopens it.
    window.history.replaceState(null, '', next.slice(next.indexOf('#')));
  };
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs">
      <button type="button" className={button} onClick={share} data-testid="lab.share">
        Share this exercise
      </button>
      <label className="flex items-center gap-1">
        <input type="checkbox" checked={includeKeys} onChange={(e) => setIncludeKeys(e.target.checked)} />
        include keys
      </label>
      {includeKeys && hasKeys(setup) && (
        <p role="alert" className="text-amber-800 dark:text-amber-300">
          The link will hold the pre-shared keys in clear text: anyone with it can read them.
        </p>
      )}
      {url && (
        <>
          <label htmlFor={linkId} className="sr-only">
            Link to this exercise
          </label>
          <input id={linkId} readOnly value={url} data-testid="lab.link" className="min-w-0 flex-1 rounded border border-slate-300 bg-transparent px-1 py-1 font-mono dark:border-slate-700" onFocus={(e) => e.target.select()} />
        </>
      )}
    </div>
  );
}
