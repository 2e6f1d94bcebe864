import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { contextFromText, type DiagnosisContext } from '../context.ts';
import { attachedConfig } from '../../attach-config.ts';
import { simulate } from '../../sim/simulate.ts';
import { writeDebug } from '../../sim/debug-writer.ts';
import { PRESETS, scenarioOf } from '../../sim/presets.ts';
import { rule } from './p2-pfs-mismatch.ts';
import { rule as transformRule } from './p2-transform-mismatch.ts';

const read = (path: string) => readFileSync(new URL(`../../../../fixtures/${path}`, import.meta.url), 'utf8');

/** Both routers' debug output as the simulation writes it for a preset, in one paste. */
function simulated(name: string): { text: string; preset: (typeof PRESETS)[number] } {
  const preset = PRESETS.find((p) => p.name === name);
  if (!preset) throw new Error(`no preset ${name}`);
  const trace = simulate(scenarioOf(preset));
  return { text: `${writeDebug(trace, 'initiator')}\n${writeDebug(trace, 'responder')}`, preset };
}

const pfs = simulated('pfs-mismatch');

test('with the responder config: PFS, not transform, and the set pfs line', () => {
  const responder = attachedConfig(2, pfs.preset.responder.config);
  const ctx = contextFromText(pfs.text, 0, { responder });
  const [f, ...rest] = rule.diagnose(ctx);
  expect(rest).toEqual([]);
  expect(f?.severity).toBe('error');
  expect(f?.summary).toContain('no PFS group');
  expect(f?.summary).toContain('PFS group 14');
  expect(f?.fix).toContain('set pfs group14');
  // BRANCH: 'set pfs group14' is line 15 of its config.
  expect(f?.configLines).toEqual([{ file: 2, line: 15 }]);
  expect(transformRule.diagnose(ctx)).toEqual([]);
});

test('with both configs: the compatibility check agrees', () => {
  const configs = { initiator: attachedConfig(1, pfs.preset.initiator.config), responder: attachedConfig(2, pfs.preset.responder.config) };
  expect(rule.diagnose(contextFromText(pfs.text, 0, configs)).map((f) => f.code)).toEqual(['P2_PFS_MISMATCH']);
});

const cases: { name: string; ctx: () => DiagnosisContext; count: number }[] = [
  // Without configs IOS's error 256 cannot tell PFS from transform: P2_TRANSFORM_MISMATCH reports it.
  { name: 'pfs preset without configs: not claimed', ctx: () => contextFromText(pfs.text), count: 0 },
  { name: 'corpus 08: PFS on both sides, success', ctx: () => contextFromText(read('corpus/08-mm-qm-success-initiator-ios124-pfs-annotated-zh.log')), count: 0 },
  { name: 'corpus 18: error 256 without configs', ctx: () => contextFromText(read('corpus/18-l2tp-transport-udp-error256-responder-issue-excerpts.log')), count: 0 },
];

for (const c of cases) {
  test(c.name, () => {
    expect(rule.diagnose(c.ctx())).toHaveLength(c.count);
  });
}
