import type { Outcome } from '../../core/analysis.ts';

const styles: Record<Outcome, string> = {
  complete: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200',
  failed: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200',
  incomplete: 'bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-200',
};

/** "MM complete", "QM failed": an exchange and how it ended. */
export function OutcomeBadge({ label, outcome }: { label: string; outcome: Outcome }) {
  return <span className={`rounded px-1 ${styles[outcome]}`}>{`${label} ${outcome}`}</span>;
}
