import { useEffect, useRef } from 'react';
import type { LineRef } from '../../core/ike/line-ref.ts';
import type { ConfigAttribute } from '../../core/config/relations.ts';
import { implicitLineKey } from '../../core/config/implicit-defaults.ts';
import type { InputFile } from '../app/workspace.ts';
import type { PageAnalysis } from '../../worker/page-analysis.ts';
import { ConfigPane } from './ConfigPane.tsx';
import { revealWithin } from '../dom/reveal-within.ts';

interface ConfigPanesProps {
  configs: readonly InputFile[];
  /** How many log files come first in `input.files`: the first config's file index. */
  logCount: number;
  configDefaults: PageAnalysis['configDefaults'] | undefined;
  /** The config lines to highlight, of any file. */
  lines: readonly LineRef[];
  /** The chosen attribute and the blocks of each file whose implicit default decides it. */
  attribute: ConfigAttribute | null;
  defaults: readonly { file: number; block: number }[];
}

/**
 * The name a config is shown by: the hostnames it states (one paste may hold two routers'), else the router
 * name it was given with, else none (its file's name then).
 */
function routerName(file: InputFile, routers: readonly string[] | undefined): string | null {
  return routers && routers.length > 0 ? routers.join(' and ') : (file.router ?? null);
}

/** Every router's configuration, side by side when there is room for their lines. */
export function ConfigPanes({ configs, logCount, configDefaults, lines, attribute, defaults }: ConfigPanesProps) {
  const panes = useRef<HTMLDivElement>(null);
  // The first highlighted line of any router in view: stacked, the panes share one scroller.
  useEffect(() => {
    const first = panes.current?.querySelector<HTMLElement>('[data-related="true"]');
    // Clear of the sticky heading above the lines.
    if (first) revealWithin(first, 32);
  }, [lines, attribute, defaults]);
  if (configs.length === 0) {
    return <p className="p-3 text-sm text-slate-600 dark:text-slate-400">No configuration loaded: open or drop the routers&apos; configs with their logs.</p>;
  }
  return (
    // Side by side only when each router's lines still fit without wrapping every other word.
    <div ref={panes} className="@container">
      <div className="flex flex-col gap-2 @2xl:flex-row">
        {configs.map((file, index) => {
          const fileIndex = logCount + index;
          const own = configDefaults?.find((d) => d.file === fileIndex);
          const router = routerName(file, own?.routers);
          return (
            <ConfigPane
              key={file.name + index}
              title={router ? `${router} configuration` : file.name}
              file={router && router !== file.router ? file.name : null}
              testId={`config.${router ?? file.name}`}
              text={file.text}
              implicit={own?.implicit ?? []}
              highlighted={new Set(lines.filter((r) => r.file === fileIndex).map((r) => r.line))}
              highlightedDefaults={
                new Set(attribute ? defaults.filter((d) => d.file === fileIndex).map((d) => implicitLineKey(d.block, attribute)) : [])
              }
            />
          );
        })}
      </div>
    </div>
  );
}
