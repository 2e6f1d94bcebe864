import { Fragment } from 'react';
import { implicitLineKey, type ImplicitLine } from '../../core/config/implicit-defaults.ts';

interface ConfigPaneProps {
  title: string;
  /** The file it was opened from, when the title names the router instead. */
  file: string | null;
  text: string;
  /** IOS defaults the config leaves unsaid, shown inline after the block they belong to. */
  implicit: readonly ImplicitLine[];
  /** Lines (1-based) the selected message depends on. */
  highlighted: ReadonlySet<number>;
  /** Implicit defaults that decide the chosen attribute, as `block:attribute`. */
  highlightedDefaults: ReadonlySet<string>;
  testId: string;
}

const RELATED = 'bg-yellow-200/70 dark:bg-yellow-700/40';

/** One router's crypto configuration, numbered as pasted, with its implicit defaults and the related lines. */
export function ConfigPane({ title, file, text, implicit, highlighted, highlightedDefaults, testId }: ConfigPaneProps) {
  const lines = text.split(/\r\n|\r|\n/);
  const implicitAfter = new Map<number, ImplicitLine[]>();
  for (const line of implicit) {
    // `after` is the last line of the block the default belongs to; 0 means the router as a whole.
    const after = line.after === 0 ? lines.length : line.after;
    implicitAfter.set(after, [...(implicitAfter.get(after) ?? []), line]);
  }

  return (
    <figure className="m-0 min-w-0 flex-1" aria-label={title}>
      {/* Stays in view while the lines scroll under it, so a long config still says whose it is. */}
      <figcaption className="sticky top-0 z-10 bg-white px-3 py-1 text-xs font-semibold text-slate-700 dark:bg-slate-900 dark:text-slate-300">
        {title}
        {file && <span className="ml-2 font-normal text-slate-600 dark:text-slate-400">{file}</span>}
      </figcaption>
      <ol className="p-2 font-mono text-xs leading-5" data-testid={testId}>
        {lines.map((line, index) => {
          const number = index + 1;
          const related = highlighted.has(number);
          return (
            <Fragment key={index}>
              <li
                data-related={related}
                className={`flex gap-3 rounded px-1 ${related ? RELATED : ''}`}
              >
                <span className="w-6 shrink-0 text-right text-slate-500 select-none dark:text-slate-400" aria-hidden="true">
                  {number}
                </span>
                <span className="min-w-0 break-words whitespace-pre-wrap">{line || ' '}</span>
              </li>
              {implicitAfter.get(number)?.map((d, i) => (
                <li
                  key={`d${i}`}
                  data-related={highlightedDefaults.has(implicitLineKey(d.block, d.attribute))}
                  className={`flex gap-3 rounded px-1 text-teal-800 italic dark:text-teal-300 ${highlightedDefaults.has(implicitLineKey(d.block, d.attribute)) ? RELATED : ''}`}
                  title={d.why}
                >
                  <span className="w-6 shrink-0" aria-hidden="true" />
                  <span className="min-w-0 break-words whitespace-pre-wrap">
                    {d.text} <span className="not-italic">(default)</span>
                  </span>
                </li>
              ))}
            </Fragment>
          );
        })}
      </ol>
    </figure>
  );
}
