import { describe, expect, test } from 'vitest';
import { cycles, importGraph, importsOf, sourceFiles } from './import-graph.ts';

const graph = importGraph(sourceFiles('src'), '.');

describe('the source files import one way', () => {
  test('no file imports itself back through others, type imports included', () => {
    expect(cycles(graph)).toEqual([]);
  });

  test('src/core/ike, the vocabulary at the bottom, imports nothing above it', () => {
    const upward = [...graph].flatMap(([file, targets]) => (file.startsWith('src/core/ike/') ? targets.filter((t) => !t.startsWith('src/core/ike/')).map((t) => `${file} -> ${t}`) : []));
    expect(upward).toEqual([]);
  });

  test('test helpers (*.test-helper.ts) stay out of the analyzer: only tests and other helpers import them', () => {
    const helper = (file: string) => file.endsWith('.test-helper.ts');
    const intoHelpers = [...graph].flatMap(([file, targets]) => (helper(file) ? [] : targets.filter(helper).map((t) => `${file} -> ${t}`)));
    expect(intoHelpers).toEqual([]);
    expect([...graph.keys()].some(helper)).toBe(true);
  });

  test('the graph sees the files and their imports', () => {
    expect(graph.get('src/core/analyze.ts')).toContain('src/core/analysis.ts');
    expect(graph.size).toBeGreaterThan(100);
  });
});

describe('what counts as an import', () => {
  const cases = [
    { name: 'import type', text: "import type { A } from './a.ts';", imports: ['./a.ts'] },
    { name: 'inline type specifier', text: "import { type A } from './a.ts';", imports: ['./a.ts'] },
    { name: 're-export', text: "export type { A } from './a.ts';\nexport * from './b.ts';", imports: ['./a.ts', './b.ts'] },
    { name: 'dynamic import', text: "const m = () => import('./a.ts');", imports: ['./a.ts'] },
    { name: 'packages are not source files', text: "import { createMachine } from 'xstate';", imports: [] },
  ];
  for (const c of cases) test(c.name, () => expect(importsOf(c.text)).toEqual(c.imports));
});

describe('a cycle is caught', () => {
  const cases = [
    { name: 'two files importing each other by type', graph: { 'a.ts': ['b.ts'], 'b.ts': ['a.ts'] }, cycles: [['a.ts', 'b.ts']] },
    { name: 'a ring of three', graph: { 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': ['a.ts'], 'd.ts': ['a.ts'] }, cycles: [['a.ts', 'b.ts', 'c.ts']] },
    { name: 'a file importing itself', graph: { 'a.ts': ['a.ts'] }, cycles: [['a.ts']] },
    { name: 'a diamond is no cycle', graph: { 'a.ts': ['b.ts', 'c.ts'], 'b.ts': ['d.ts'], 'c.ts': ['d.ts'], 'd.ts': [] }, cycles: [] },
  ];
  for (const c of cases) test(c.name, () => expect(cycles(new Map(Object.entries(c.graph)))).toEqual(c.cycles));

  test('the cycle the CLI had: main.ts holding the Command types its commands import', () => {
    const files = new Map([
      ['src/cli/main.ts', "export type Command = () => number;\nconst load = () => import('./analyze-command.ts');"],
      ['src/cli/analyze-command.ts', "import type { Command } from './main.ts';"],
    ]);
    const g = importGraph([...files.keys()], '.', (path) => files.get(path) ?? '');
    expect(cycles(g)).toEqual([['src/cli/analyze-command.ts', 'src/cli/main.ts']]);
  });
});
