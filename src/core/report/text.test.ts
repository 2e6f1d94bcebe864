import { expect, test } from 'vitest';
import { analyze } from '../analyze.ts';
import { labSetupOf, runLab } from '../sim/lab.ts';
import { textReport } from './text.ts';

function report(preset: string, how: 'two files' | 'initiator'): string {
  const run = runLab(labSetupOf(preset)!);
  if (!run.ok) throw new Error(run.error);
  const files = how === 'two files' ? run.files.filter((f) => f.kind === 'log') : [{ name: 'initiator', text: run.debug.initiator }];
  return textReport(analyze(files), false, null);
}

/** The arrows of the report's ladder, top to bottom: name, resend and delivery marks. */
const arrows = (text: string): string[] =>
  text.split('\n').flatMap((line) => {
    const label = /^ {4}\S+ ◄?─+([^─]+)─/.exec(line);
    return label ? [label[1]!] : [];
  });

test('the text report lists the messages in the order the ladder draws them: each NOTIFY after the MM1 it refuses', () => {
  expect(arrows(report('p1-policy-mismatch', 'two files'))).toEqual([
    'MM1', 'NOTIFY', ...[2, 3, 4, 5, 6].flatMap((n) => [`MM1 (resent #${n})`, 'NOTIFY']),
  ]);
});

test('the text report marks what the ladder marks: resends, and the last copies no answer followed', () => {
  const names = arrows(report('psk-mismatch', 'initiator'));
  expect(names.slice(0, 5)).toEqual(['MM1', 'MM2', 'MM3', 'MM4', 'MM5 (unanswered)']);
  expect(names).toContain('MM5 (resent #6) (unanswered)');
  expect(names).toContain('MM4 (resent #6)');
});
