import type { LineRef } from '../../core/ike/line-ref.ts';
import { useState } from 'react';
import type { Finding } from '../../core/analysis.ts';
import type { Timeline } from '../../core/timeline/timeline.ts';
import { stepOfFinding } from '../../core/timeline/finding-step.ts';

export interface FindingSelection {
  selected: { finding: Finding; index: number } | null;
  /** The evidence lines (log) and the lines to change (configs) of the chosen finding, or null. */
  lines: LineRef[] | null;
  choose: (finding: Finding, index: number) => void;
  clear: () => void;
}

/**
 * Choosing a finding points every view at it: the ladder moves to the message where it happened, the log
 * pane highlights its evidence, the config panes the lines to change.
 */
export function useFindingSelection(timeline: Timeline | null, seek: (step: number) => void, showFile: (file: number) => void): FindingSelection {
  const [selected, setSelected] = useState<{ finding: Finding; index: number } | null>(null);
  const choose = (finding: Finding, index: number) => {
    setSelected({ finding, index });
    const step = timeline ? stepOfFinding(timeline, finding) : null;
    if (step !== null) seek(step);
    const file = finding.lines[0]?.file;
    if (file !== undefined) showFile(file);
  };
  const lines = selected ? [...selected.finding.lines, ...(selected.finding.configLines ?? [])] : null;
  return { selected, lines, choose, clear: () => setSelected(null) };
}
