import { Fragment, useEffect, useRef } from 'react';
import type { ImplicitLine } from '../../core/config/implicit-defaults.ts';
import { revealWithin } from '../dom/reveal-within.ts';

interface ConfigPaneProps {
  title: string;
  text: string;
  /** IOS defaults the config leaves unsaid, shown inline after the block they belong to. */
  implicit: readonly ImplicitLine[];
  /** Lines (1-based) the selected message depends on. */
  highlighted: ReadonlySet<number>;
  testId: string;
}

/** One router's crypto configuration, numbered as pasted, with its implicit defaults and the related lines. */
export function ConfigPane({ title, text, implicit, highlighted, testId }: ConfigPaneProps) {
  const lines = text.split(/\r\n|\r|\n/);
  const list = useRef<HTMLOListElement>(null);
  const implicitAfter = new Map<number, ImplicitLine[]>();
  for (const line of implicit) {
    // `after` is the last line of the block the default belongs to; 0 means the router as a whole.
    const after = line.after === 0 ? lines.length : line.after;
    implicitAfter.set(after, [...(implicitAfter.get(after) ?? []), line]);
  }

  useEffect(() => {
    const first = list.current?.querySelector<HTMLElement>('[data-related="true"]');
    if (first) revealWithin(first);
  }, [highlighted]);

  return (
    <figure className="m-0 min-w-0 flex-1" aria-label={title}>
      <figcaption className="px-3 pt-2 text-xs font-semibold text-slate-700 dark:text-slate-300">{title}</figcaption>
      <ol ref={list} className="p-2 font-mono text-xs leading-5" data-testid={testId}>
        {lines.map((line, index) => {
          const number = index + 1;
          const related = highlighted.has(number);
          return (
            <Fragment key={index}>
              <li
                data-related={related}
                className={`flex gap-3 rounded px-1 ${related ? 'bg-yellow-200/70 dark:bg-yellow-700/40' : ''}`}
              >
                <span className="w-6 shrink-0 text-right text-slate-500 select-none dark:text-slate-400" aria-hidden="true">
                  {number}
                </span>
                <span className="min-w-0 break-words whitespace-pre-wrap">{line || ' '}</span>
              </li>
              {implicitAfter.get(number)?.map((d, i) => (
                <li key={`d${i}`} className="flex gap-3 px-1 text-teal-800 italic dark:text-teal-300" title={d.why}>
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
