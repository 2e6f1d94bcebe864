/**
 * The lab on IKEv2 configs: runLab simulates IKEv2, its files are the two IKEv2 debug logs and the two configs,
 * analysed as the page does (logs, then the configs related to the messages).
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../analyze.ts';
import type { Analysis } from '../../analysis.ts';
import { labSetupOf, runLab, type LabFile } from '../lab.ts';
import { IKEV2_PRESETS } from './presets.ts';

function analyzeFiles(files: readonly LabFile[]): Analysis {
  return analyze(files.filter((f) => f.kind === 'log'), { configs: files.filter((f) => f.kind === 'config') });
}

describe('the lab runs IKEv2 when the configs are IKEv2 ones', () => {
  for (const p of IKEV2_PRESETS) {
    test(`${p.name}: IKEv2 trace, debug logs starting with the commands, read back with the configs`, () => {
      const setup = labSetupOf(p.name)!;
      const run = runLab(setup);
      if (!run.ok) throw new Error(run.error);
      expect('ikeVersion' in run.trace && run.trace.ikeVersion).toBe(2);
      expect(run.trace.outcome).toEqual(p.expect);
      expect(run.files.map((f) => f.kind)).toEqual(['log', 'log', 'config', 'config']);
      expect(run.files[0]!.text.startsWith('R1#debug crypto ikev2\nR1#debug crypto ikev2 internal\nR1#debug crypto ikev2 packet\n')).toBe(true);
      // IOS-XE routers: IOS-XE 17's lines, the packet decode under IKEv2-PAK:
      expect(run.files[0]!.text).toMatch(/\nMar {2}1 2024 10:00:00\.000 UTC: IKEv2-PAK:\(SESSION ID = 1,SA ID = 1\):Next payload: SA, version: 2\.0 Exchange type: IKE_SA_INIT, flags: INITIATOR /);
      const analysis = analyzeFiles(run.files);
      expect(analysis.input.unrecognized).toEqual([]);
      expect(analysis.negotiations.map((n) => [n.ikeVersion, n.ikeSa?.outcome])).toEqual([[2, p.expect.phase1]]);
      const n = analysis.negotiations[0]!;
      expect(n.findings[0]?.code ?? null).toBe(p.finding);
      // the configs are related to the messages: IKE_SA_INIT depends on the initiator's proposal lines
      const init = n.ikeSa?.messages.find((m) => m.name === 'IKE_SA_INIT' && m.response !== true);
      expect(init?.config?.length ?? 0).toBeGreaterThan(0);
    });
  }
  test('an IKEv1 preset stays IKEv1', () => {
    const run = runLab(labSetupOf('seed')!);
    expect(run.ok && !('ikeVersion' in run.trace)).toBe(true);
  });
  test('an IKEv2 preset with the lab\'s NAT fault floats to UDP 4500 from IKE_AUTH on', () => {
    const run = runLab({ ...labSetupOf('ikev2-seed')!, faults: { nat: true } });
    if (!run.ok) throw new Error(run.error);
    expect(run.trace.outcome).toEqual({ phase1: 'complete', phase2: 'complete' });
    expect(run.debug.initiator).toContain('Sending Packet [To 10.0.12.2:4500/From 10.0.12.1:4500/VRF i0:f0]');
    expect(run.debug.initiator).toContain('NAT detected float to init port 4500, resp port 4500');
    const analysis = analyzeFiles(run.files);
    expect(analysis.input.unrecognized).toEqual([]);
    expect(analysis.negotiations[0]?.findings.map((f) => f.code)).toContain('NAT_T');
  });
});

describe('mixed versions: the initiator chooses', () => {
  test("an IKEv2 initiator against an IKEv1-only responder: IOS's smart defaults answer IKE_SA_INIT, no IKEv2 profile takes the peer", () => {
    const run = runLab({ ...labSetupOf('ikev2-seed')!, responder: labSetupOf('seed')!.responder });
    if (!run.ok) throw new Error(run.error);
    expect('ikeVersion' in run.trace).toBe(true);
    expect(run.trace.outcome.phase1).toBe('failed');
  });
  test('an IKEv1 initiator against an IKEv2-only responder runs IKEv1', () => {
    const run = runLab({ ...labSetupOf('seed')!, responder: labSetupOf('ikev2-seed')!.responder });
    expect(run.ok && !('ikeVersion' in run.trace)).toBe(true);
  });
});
