import { describe, expect, test } from 'vitest';
import { analyze } from '../analyze.ts';
import { labSetupOf, runLab } from '../sim/lab.ts';
import { lineWords } from './line-words.ts';

/** The lab's psk-mismatch exercise analysed as the page does: both routers' logs and configs. */
function pskMismatch() {
  const run = runLab(labSetupOf('psk-mismatch')!);
  if (!run.ok) throw new Error(run.error);
  const analysis = analyze(
    run.files.filter((f) => f.kind === 'log'),
    { configs: run.files.filter((f) => f.kind !== 'log') },
  );
  return analysis.negotiations[0]!.findings.find((f) => f.code === 'PSK_MISMATCH')!;
}

describe('line references in finding texts', () => {
  test('a fix names each router and its config line, not file:line pairs', () => {
    expect(pskMismatch().fix).toMatch(/\(HQ, line 7; BRANCH, line 7\)$/);
  });

  test('evidence says whose log it is in', () => {
    expect(pskMismatch().summary).toContain("(\"failed its sanity check or is malformed\", BRANCH's log, line 36)");
  });

  const cases: { name: string; lines: { file: number; line: number }[]; words: string }[] = [
    { name: 'one line of one unnamed file', lines: [{ file: 0, line: 12 }], words: 'line 12' },
    { name: 'two lines of one unnamed file', lines: [{ file: 0, line: 12 }, { file: 0, line: 14 }], words: 'lines 12, 14' },
    { name: 'two unnamed files, counted from 1', lines: [{ file: 0, line: 3 }, { file: 1, line: 3 }], words: 'file 1, line 3; file 2, line 3' },
    {
      name: 'many lines of one file: the first twenty, and how many more',
      lines: Array.from({ length: 25_000 }, (_, i) => ({ file: 0, line: i + 1 })),
      words: `lines ${Array.from({ length: 20 }, (_, i) => i + 1).join(', ')} and 24,980 more`,
    },
  ];
  for (const c of cases) test(`without a context: ${c.name}`, () => expect(lineWords(c.lines)).toBe(c.words));

  test('a DELETE repeated 25,000 times gets one finding whose words stay short; its evidence keeps every line', () => {
    const text = 'ISAKMP: (1003):processing DELETE payload. message ID = 1319368483\n'.repeat(25_000);
    const findings = analyze([{ name: 'deletes.log', text }]).negotiations.flatMap((n) => n.findings);
    const deleted = findings.find((f) => f.code === 'SA_DELETED_BY_PEER');
    expect(deleted?.lines).toHaveLength(25_000);
    expect(deleted?.summary.length).toBeLessThan(400);
    expect(deleted?.summary).toContain('and 24,980 more');
  });
});
