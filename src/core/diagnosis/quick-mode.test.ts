import { expect, test } from 'vitest';
import { analyze } from '../analyze.ts';
import { writeDebug } from '../sim/debug-writer.ts';
import { findPreset } from '../sim/presets.ts';
import { scenarioOf } from '../sim/preset-scenario.ts';
import { simulate } from '../sim/simulate.ts';

test("a refused Quick Mode names the proxies offered from the negotiation's phase 2 (the evidence keeps no key-engine block)", () => {
  const preset = findPreset('proxy-mismatch');
  if (!preset) throw new Error('preset missing');
  const trace = simulate(scenarioOf(preset));
  const [n] = analyze([{ name: 'paste', text: `${writeDebug(trace, 'initiator')}\n${writeDebug(trace, 'responder')}` }]).negotiations;
  const refused = n?.findings.find((f) => f.code === 'P2_PROXY_MISMATCH');
  expect(refused?.summary).toContain('refused the Quick Mode proxy identities (10.1.0.0/255.255.255.0/256/0 to 10.2.0.0/255.255.255.0/256/0)');
});
