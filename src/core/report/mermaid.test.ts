import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import mermaid from 'mermaid';
import { mermaidDiagrams, mermaidReport, mermaidText } from './mermaid.ts';
import { corpusCases, reportSourceOf, seedSource } from './report-fixtures.test-helper.ts';
import type { ReportSource } from './report-source.ts';
import { analyze } from '../analyze.ts';
import { labSetupOf, runLab } from '../sim/lab.ts';

// The mermaid package itself validates what we emit: its parser runs in Node without a DOM.
async function parses(report: string): Promise<void> {
  const diagrams = mermaidDiagrams(report);
  for (const d of diagrams) await expect(mermaid.parse(d)).resolves.toMatchObject({ diagramType: 'sequence' });
}

describe('the seed as a sequence diagram', () => {
  const report = mermaidReport(seedSource());

  test('has both routers and every message in ladder order, with the state changes as notes', async () => {
    const lines = report.split('\n');
    expect(lines[0]).toBe('sequenceDiagram');
    expect(lines).toContain('  participant I as R2 2001:DB8::2 (initiator)');
    expect(lines).toContain('  participant R as R3 2001:DB8::3 (responder)');
    const arrows = lines.filter((l) => /^ {2}[IR]-/.test(l)).map((l) => l.trim());
    expect(arrows.map((a) => /: (\S+)/.exec(a)![1])).toEqual(['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6', 'QM1', 'QM2', 'QM3']);
    expect(arrows[0]).toBe('I->>R: MM1 [SA]');
    expect(arrows[1]).toBe('R->>I: MM2 [SA]');
    expect(lines).toContain('  Note over R: IKE_P1_COMPLETE');
    expect(lines.indexOf('  Note over I: IKE_I_MM1')).toBeLessThan(lines.indexOf('  I->>R: MM1 [SA]'));
    await parses(report);
  });
});

test('resent and unanswered messages are drawn as such, and a failure is a note', async () => {
  // The simulator's psk-mismatch preset, the initiator's log alone: MM5 resent, no answer after it
  const run = runLab(labSetupOf('psk-mismatch')!);
  if (!run.ok) throw new Error(run.error);
  const text = run.debug.initiator;
  const analysis = analyze([{ name: 'initiator', text }]);
  const report = mermaidReport({ ...analysis, texts: [{ name: 'initiator', pieces: [text] }] });
  expect(report).toContain('  I-)R: MM5 (unanswered)');
  expect(report).toMatch(/ {2}I--\)R: MM5 \(resent #35;2\) \(unanswered\)/);
  expect(report).toMatch(/ {2}R-->>I: MM4 \(resent #35;2\)/);
  await parses(report);
});

test('a message the receiver\'s log shows never arrived is drawn with a cross', async () => {
  // The simulator's seed preset with MM3 lost on the way, both routers' logs: the responder never printed it
  const setup = labSetupOf('seed')!;
  const run = runLab({ ...setup, faults: { lose: [{ from: 'initiator', message: 'MM3' }] } });
  if (!run.ok) throw new Error(run.error);
  const logs = run.files.filter((f) => f.kind === 'log');
  const analysis = analyze(logs);
  const report = mermaidReport({ ...analysis, texts: logs.map((f) => ({ name: f.name, pieces: [f.text] })) });
  expect(report).toMatch(/^ {2}I-x+R: MM3 \(lost\)/m);
  await parses(report);
});

describe('every corpus log gives diagrams that mermaid parses', () => {
  for (const c of corpusCases()) {
    test(c.name, async () => {
      const source = reportSourceOf([c.log], c.configs);
      const report = mermaidReport(source);
      expect(mermaidDiagrams(report)).toHaveLength(source.negotiations.length);
      await parses(report);
    });
  }
});

test('a label keeps plain text and encodes what Mermaid would read as syntax', () => {
  expect(mermaidText('MM5 (resent #2) [ID · HASH]')).toBe('MM5 (resent #35;2) [ID · HASH]');
  expect(mermaidText('a;b%%c<br>d&e"f')).toBe('a#59;b#37;#37;c#60;br#62;d#38;e#34;f');
  expect(mermaidText('two\nlines')).toBe('two lines');
});

test('whatever the log names a router or a finding says, the diagram still parses', async () => {
  const seed = seedSource();
  const n = seed.negotiations[0]!;
  await fc.assert(
    fc.asyncProperty(fc.string(), fc.string(), fc.string(), async (name, id, summary) => {
      const source: ReportSource = {
        ...seed,
        negotiations: [
          {
            ...n,
            id,
            routers: { initiator: { ...n.routers.initiator, name }, responder: { ...n.routers.responder, address: name } },
            findings: [{ code: 'PSK_MISMATCH', severity: 'error', lines: [], summary, fix: '' }],
          },
        ],
      };
      const diagram = mermaidDiagrams(mermaidReport(source))[0]!;
      const parsed = await mermaid.parse(diagram).then(() => true, () => false);
      expect(parsed, diagram).toBe(true);
    }),
    { numRuns: 40 },
  );
});
