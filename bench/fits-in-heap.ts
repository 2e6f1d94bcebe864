/**
 * `node --max-old-space-size=N --import tsx bench/fits-in-heap.ts FILE`: loads FILE and analyses it as the page's
 * worker does (4 MB chunks). Exits 0 when the analysis completes within the heap limit it was given, the input
 * string included; V8 ends the process otherwise. `npm run bench` runs it with a limit of 4x the input: a
 * proof that the peak live heap, the transient peak inside finish() included, stays under the budget.
 */
import { readFileSync } from 'node:fs';
import { createAnalyzer } from '../src/core/analyze.ts';

const CHUNK = 4 << 20;
const path = process.argv[2];
if (path === undefined) {
  console.error('usage: fits-in-heap.ts FILE');
  process.exit(2);
}
const text = readFileSync(path, 'utf8');
const analyzer = createAnalyzer();
analyzer.beginFile(path);
for (let i = 0; i < text.length; i += CHUNK) analyzer.push(text.slice(i, i + CHUNK));
analyzer.endFile();
const result = analyzer.finish();
console.log(`analysed ${result.input.lines} lines, ${result.negotiations.length} negotiations`);
