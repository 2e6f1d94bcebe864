/**
 * The report renderers the Export menu uses, in a chunk of their own: loaded when an export is asked for, so
 * the page's first load does not carry them.
 */
export { negotiationFileName } from '../../core/report/case-facts.ts';
export { htmlReport } from '../../core/report/html.ts';
export { markdownReport } from '../../core/report/markdown.ts';
export { mermaidReport } from '../../core/report/mermaid.ts';
export { ladderLayoutOf, ladderSvg } from '../../core/report/ladder-svg.ts';
export { saveBlob, saveText, svgToPng } from './save-file.ts';
