/**
 * The lab on edited IKEv2 configs, as a trainer edits them: each line of either router's config removed in turn,
 * for a VTI preset and a crypto map one. The run never throws; when it runs, every simulated line is read back
 * and every SM step the analysis judges is allowed.
 */
import { expect, test } from 'vitest';
import { analyze } from '../../analyze.ts';
import { labSetupOf, runLab } from '../lab.ts';

const withoutLine = (text: string, i: number) => text.split('\n').filter((_, j) => j !== i).join('\n');

for (const name of ['ikev2-seed', 'ikev2-ts-mismatch']) {
  test(`${name}: every line of either config removed in turn`, () => {
    const setup = labSetupOf(name)!;
    for (const side of ['initiator', 'responder'] as const) {
      const lines = setup[side].split('\n').length;
      for (let i = 0; i < lines; i += 1) {
        const run = runLab({ ...setup, [side]: withoutLine(setup[side], i) });
        if (!run.ok) continue;
        const a = analyze(run.files.filter((f) => f.kind === 'log'));
        const what = `${side} without line ${i + 1}`;
        expect(a.input.unrecognized, what).toEqual([]);
        expect(a.negotiations.flatMap((n) => n.ikeSa?.transitions ?? []).filter((t) => t.allowed !== true), what).toEqual([]);
      }
    }
  });
}
