import type { InputFacts } from '../../core/input-answer.ts';
import { LINE_KIND_CODE } from '../../core/ike/line-kinds.ts';
import type { PageAnalysis } from '../../worker/page-analysis.ts';
import { configsOf, logsOf, type Workspace } from '../app/workspace.ts';

/** Enough of each log's start to tell text from binary and IKEv1 from IKEv2. */
const SAMPLE_CHARS = 64 * 1024;

/** The facts the input's answer is decided on, read from the page's analysis and the logs' first piece. */
export function inputFacts(workspace: Workspace, analysis: PageAnalysis): InputFacts {
  const logs = logsOf(workspace);
  let textLines = 0;
  let debugLines = 0;
  for (const table of analysis.lineTables.slice(0, logs.length)) {
    for (const kind of table.kinds) {
      if (kind !== LINE_KIND_CODE.blank) textLines++;
      if (kind === LINE_KIND_CODE.debug) debugLines++;
    }
  }
  return {
    logLines: analysis.input.lines,
    textLines,
    debugLines,
    negotiations: analysis.negotiations.length,
    configs: configsOf(workspace).length,
    // The first piece, not the whole text: slicing a large file's joined text would flatten all of it.
    sample: logs.map((f) => (f.pieces?.[0] ?? f.text).slice(0, SAMPLE_CHARS)).join('\n'),
  };
}
