// Reports the JavaScript the page loads before first paint (gzipped) and fails over the budget.
// Entry chunks and their static imports count; lazily imported chunks (the log editor, the worker) do not.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const budgetKb = 150;
const dist = 'dist';
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

const initial = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const dep of chunk.imports ?? []) visit(dep);
};
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);

let total = 0;
for (const file of [...initial].filter((f) => f.endsWith('.js'))) {
  const gz = gzipSync(readFileSync(join(dist, file))).length;
  total += gz;
  console.log(`${(gz / 1024).toFixed(1).padStart(8)} KB  ${file}`);
}
const kb = total / 1024;
console.log(`initial JavaScript (gzipped): ${kb.toFixed(1)} KB of ${budgetKb} KB budget`);
if (kb > budgetKb) {
  console.error('over budget');
  process.exit(1);
}
