import type { Phase1Outcome } from '../../core/analysis.ts';

const styles: Record<Phase1Outcome, string> = {
  complete: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200',
  failed: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200',
  incomplete: 'bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-200',
  'not-logged': 'border border-dashed border-slate-400 text-slate-700 dark:text-slate-300',
};

const words: Record<Phase1Outcome, string> = { complete: 'complete', failed: 'failed', incomplete: 'incomplete', 'not-logged': 'not logged' };

/**
 * "MM complete", "QM failed": an exchange and how it ended. A phase 1 the paste holds no line of is "P1 not
 * logged", or "P1 complete (implied)" when later lines prove it completed; `title` says why (outcome-title.ts).
 */
export function OutcomeBadge({ label, outcome, implied = false, title }: { label: string; outcome: Phase1Outcome; implied?: boolean; title?: string | undefined }) {
  const style = implied ? 'border border-dashed border-emerald-600 text-emerald-900 dark:text-emerald-200' : styles[outcome];
  return (
    <span data-testid="negotiation.badge" className={`shrink-0 rounded px-1 ${style}`} title={title}>
      {`${label} ${words[outcome]}${implied ? ' (implied)' : ''}`}
    </span>
  );
}
