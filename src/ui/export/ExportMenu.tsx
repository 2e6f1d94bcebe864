import { useEffect, useRef, useState } from 'react';
import type { Negotiation } from '../../core/analysis.ts';
import type { PageAnalysis } from '../../worker/page-analysis.ts';
import type { ReportSource, SourceText } from '../../core/report/report-source.ts';
import { buildTimeline } from '../../core/timeline/timeline.ts';
import { failedSteps } from '../findings/failed-steps.ts';


interface ExportMenuProps {
  analysis: PageAnalysis;
  negotiation: Negotiation;
  /** The input files as the analysis numbers them (logs, then configs). */
  sources: readonly SourceText[];
}

type Renderers = typeof import('./renderers.ts');

/** The whole ladder of the negotiation, laid out and drawn as SVG, its failed steps marked. */
function ladder(r: Renderers, negotiation: Negotiation) {
  const timeline = buildTimeline(negotiation);
  const layout = r.ladderLayoutOf(negotiation, timeline);
  return { layout, svg: r.ladderSvg(layout, { failedSteps: failedSteps(negotiation, timeline) }) };
}

const item =
  'block w-full rounded px-2 py-1 text-left text-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-focus dark:hover:bg-slate-800';

/**
 * The negotiation in the forms a case, a ticket or a slide takes: the whole ladder as SVG or PNG, the Mermaid
 * text, the HTML report, the Markdown note. Made here by core's renderers from the negotiation the page holds,
 * the same files `analyze --format` prints; each named after the negotiation's peers and id.
 */
export function ExportMenu({ analysis, negotiation, sources }: ExportMenuProps) {
  const [includeKeys, setIncludeKeys] = useState(false);
  const [said, setSaid] = useState('');
  const source = (): ReportSource => ({ ...analysis, negotiations: [negotiation], events: [], texts: sources });
  const act = async (what: (r: Renderers) => Promise<string> | string) => {
    try {
      setSaid(await what(await import('./renderers.ts')));
    } catch (error) {
      setSaid(error instanceof Error ? error.message : String(error));
    }
  };
  const keys = includeKeys ? 'keys included' : 'keys masked';
  const menu = useRef<HTMLDetailsElement>(null);
  // Escape closes the menu and gives the focus back to its label, as a menu does.
  useEffect(() => {
    const details = menu.current;
    if (!details) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !details.open) return;
      event.stopPropagation();
      details.open = false;
      details.querySelector('summary')?.focus();
    };
    details.addEventListener('keydown', onKeyDown);
    return () => details.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <details ref={menu} className="relative">
      <summary className="cursor-pointer whitespace-nowrap rounded px-1.5 py-0.5 text-xs hover:bg-slate-100 dark:hover:bg-slate-800">Export</summary>
      <div className="absolute right-0 z-20 mt-1 w-56 rounded border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900" role="group" aria-label="Export the negotiation">
        <button type="button" className={item} onClick={() => void act((r) => {
          const name = r.negotiationFileName(negotiation, 'svg');
          r.saveText(name, ladder(r, negotiation).svg, 'image/svg+xml');
          return `Saved ${name}.`;
        })}>
          Ladder as SVG
        </button>
        <button type="button" className={item} onClick={() => void act(async (r) => {
          const name = r.negotiationFileName(negotiation, 'png');
          const { layout, svg } = ladder(r, negotiation);
          const height = Number(/height="([\d.]+)"/.exec(svg)?.[1] ?? layout.height);
          r.saveBlob(name, await r.svgToPng(svg, layout.width, height));
          return `Saved ${name}.`;
        })}>
          Ladder as PNG
        </button>
        <button type="button" className={item} onClick={() => void act(async (r) => {
          try {
            await navigator.clipboard.writeText(r.mermaidReport(source()));
            return 'Copied the Mermaid diagram.';
          } catch {
            return 'The browser did not let the page write to the clipboard.';
          }
        })}>
          Copy Mermaid diagram
        </button>
        <button type="button" className={item} onClick={() => void act((r) => {
          const name = r.negotiationFileName(negotiation, 'html');
          r.saveText(name, r.htmlReport(source(), { includeKeys }), 'text/html');
          return `Saved ${name}, ${keys}.`;
        })}>
          HTML report
        </button>
        <button type="button" className={item} onClick={() => void act((r) => {
          const name = r.negotiationFileName(negotiation, 'md');
          r.saveText(name, r.markdownReport(source(), { includeKeys }), 'text/markdown');
          return `Saved ${name}, ${keys}.`;
        })}>
          Markdown case note
        </button>
        <label className="flex items-center gap-1 px-2 py-1 text-xs">
          <input type="checkbox" checked={includeKeys} onChange={(e) => setIncludeKeys(e.target.checked)} />
          with pre-shared keys
        </label>
        <p role="status" className="px-2 text-xs text-slate-700 dark:text-slate-300">{said}</p>
      </div>
    </details>
  );
}
