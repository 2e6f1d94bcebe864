import { SAMPLE_CHARS, type InputFacts } from '../../core/input-answer.ts';
import type { PageAnalysis } from '../../worker/page-analysis.ts';
import { configsOf, logsOf, type Workspace } from '../app/workspace.ts';

/** The facts the input's answer is decided on, read from the page's analysis and the logs' first piece. */
export function inputFacts(workspace: Workspace, analysis: PageAnalysis): InputFacts {
  const logs = logsOf(workspace);
  return {
    logLines: analysis.input.lines,
    ...analysis.lineCounts,
    negotiations: analysis.negotiations.length,
    configs: configsOf(workspace).length,
    // The first piece, not the whole text: slicing a large file's joined text would flatten all of it.
    sample: logs.map((f) => (f.pieces?.[0] ?? f.text).slice(0, SAMPLE_CHARS)).join('\n'),
  };
}
