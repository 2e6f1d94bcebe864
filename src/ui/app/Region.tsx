import type { ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary.tsx';

interface RegionProps {
  /** Stable id: the region's heading id and the anchor that keyboard users and tests reach it by. */
  id: string;
  title: string;
  className?: string;
  actions?: ReactNode;
  /** False when the content scrolls itself (the log editor, the zoomable ladder). */
  scrolls?: boolean;
  children: ReactNode;
}

/** One labelled, keyboard-reachable area of the page (negotiations, ladder, log, configs, state, findings). */
export function Region({ id, title, className = '', actions, scrolls = true, children }: RegionProps) {
  const headingId = `${id}-heading`;
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      tabIndex={-1}
      className={`flex min-h-0 min-w-0 flex-col rounded-lg border border-slate-200 bg-white shadow-sm focus:outline-2 focus:outline-focus dark:border-slate-800 dark:bg-slate-900 ${className}`}
    >
      <header className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-1.5 dark:border-slate-800">
        <h2
          id={headingId}
          className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300"
        >
          {title}
        </h2>
        {actions}
      </header>
      {scrolls ? (
        // Focusable so that keyboard users can scroll a region that holds nothing else to focus (WCAG 2.1.1).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <div className="min-h-0 flex-1 overflow-auto" tabIndex={0} role="group" aria-labelledby={headingId}>
          <ErrorBoundary what={title}>{children}</ErrorBoundary>
        </div>
      ) : (
        <div className="relative min-h-0 flex-1 overflow-hidden">
          <ErrorBoundary what={title}>{children}</ErrorBoundary>
        </div>
      )}
    </section>
  );
}
