import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { sourceFiles } from './import-graph.ts';

/** One concept per file: a source file that grows past this has two, and is split (tests aside). */
const MAX_LINES = 400;

test(`no source file under src/ is over ${MAX_LINES} lines`, () => {
  const long = sourceFiles('src')
    .map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
    .filter((f) => f.lines > MAX_LINES)
    .map((f) => `${f.file}: ${f.lines} lines`);
  expect(long).toEqual([]);
});
