import type { Analysis } from '../core/analysis.ts';
import { createAnalyzer } from '../core/analyze.ts';
import { attachConfigRelations, attachedConfig } from '../core/attach-config.ts';
import type { AnalysisRequest } from './protocol.ts';

/** Big enough that the per-chunk overhead vanishes, small enough that progress moves smoothly. */
const chunkChars = 1 << 20;

/**
 * Feeds the files to the streaming analyzer chunk by chunk, reporting progress in characters.
 * Logs come first, then configs, in the order given: that is the numbering of `input.files`.
 */
export function analyzeInChunks(files: AnalysisRequest['files'], onProgress: (done: number, total: number) => void): Analysis {
  const ordered = [...files.filter((f) => f.kind === 'log'), ...files.filter((f) => f.kind === 'config')];
  const total = ordered.reduce((sum, f) => sum + f.text.length, 0);
  const analyzer = createAnalyzer();
  let done = 0;
  let lastReport = 0;
  for (const file of ordered) {
    analyzer.beginFile(file.name, file.kind);
    for (let offset = 0; offset < file.text.length; offset += chunkChars) {
      analyzer.push(file.text.slice(offset, offset + chunkChars));
      done += Math.min(chunkChars, file.text.length - offset);
      if (done - lastReport >= chunkChars * 2) {
        onProgress(done, total);
        lastReport = done;
      }
    }
    analyzer.endFile();
  }
  const analysis = analyzer.finish();
  const logCount = ordered.filter((f) => f.kind === 'log').length;
  const configs = ordered.flatMap((f, index) => (f.kind === 'config' ? [attachedConfig(index, f.text)] : []));
  if (configs.length > 0 && logCount > 0) attachConfigRelations(analysis, configs);
  onProgress(total, total);
  return analysis;
}
