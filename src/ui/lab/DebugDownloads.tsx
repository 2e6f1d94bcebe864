import type { LabFile } from '../../core/sim/lab.ts';

const button =
  'rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-focus dark:border-slate-700 dark:hover:bg-slate-800';

/** Saves a text as a file from the page itself (a Blob URL): nothing leaves the browser. */
function save(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

const fileName = (f: LabFile) => `${f.router}-simulated-debug.txt`;

/** One button per router: the debug output it would print, as a text file. */
export function DebugDownloads({ files }: { files: readonly LabFile[] }) {
  return (
    <div className="flex flex-wrap gap-2">
      {files
        .filter((f) => f.kind === 'log')
        .map((f) => (
          <button key={f.name} type="button" className={button} onClick={() => save(fileName(f), f.text)}>
            Download {f.router}&apos;s debug output
          </button>
        ))}
    </div>
  );
}
