/** `simulate` on IKEv2: presets and two IKEv2 config files give `"ikeVersion": 2`, the steps and both routers' IKEv2 debug output. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { IKEV2_PRESETS, findIkev2Preset } from '../core/sim/ikev2/presets.ts';
import type { CommandIo } from './command.ts';
import { run } from './simulate-command.ts';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CommandIo = { out: (t) => void (out += t), err: (t) => void (err += t), readStdin: () => Promise.resolve('') };
  const code = await run(args, io);
  return { code, out, err };
}

interface Json {
  schema: string;
  ikeVersion: number;
  outcome: unknown;
  steps: { side: string; event: { kind: string; message?: string; lost?: boolean; retransmission?: boolean } }[];
  debug: { initiator: string; responder: string };
}

describe('simulate --json on IKEv2', () => {
  for (const preset of IKEV2_PRESETS) {
    test(`--preset ${preset.name}`, async () => {
      const r = await cli(['--json', '--preset', preset.name]);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.out) as Json;
      expect(json).toMatchObject({ schema: 'ikescope.simulation/1', ikeVersion: 2, outcome: preset.expect });
      expect(json.steps.length).toBeGreaterThan(10);
      expect(json.debug.initiator).toContain('IKEv2 IKE_SA_INIT Exchange REQUEST');
    });
  }

  test('--config A --config B on IKEv2 configs simulates IKEv2', async () => {
    const p = findIkev2Preset('ikev2-seed')!;
    const dir = mkdtempSync(join(tmpdir(), 'ikescope-v2-'));
    writeFileSync(join(dir, 'R1.cfg'), p.initiator.config);
    writeFileSync(join(dir, 'R2.cfg'), p.responder.config);
    const r = await cli(['--json', '--config', join(dir, 'R1.cfg'), '--config', join(dir, 'R2.cfg')]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Json & { initiator: { name: string; address: string } };
    expect(json.ikeVersion).toBe(2);
    expect(json.initiator).toMatchObject({ name: 'R1', address: '10.0.12.1' });
    expect(json.outcome).toEqual({ phase1: 'complete', phase2: 'complete' });
  });

  test('--fault lose:initiator:IKE_AUTH: the lost IKE_AUTH is sent again and the tunnel comes up', async () => {
    const r = await cli(['--json', '--preset', 'ikev2-seed', '--fault', 'lose:initiator:IKE_AUTH']);
    const json = JSON.parse(r.out) as Json;
    expect(json.outcome).toEqual({ phase1: 'complete', phase2: 'complete' });
    const auth = json.steps.filter((s) => s.event.kind === 'send' && s.event.message === 'IKE_AUTH');
    expect(auth.map((s) => [s.event.lost, s.event.retransmission])).toEqual([[true, false], [false, true]]);
    expect(json.debug.initiator).toContain('Retransmitting packet');
  });

  test('--style picks the release the debug output is printed as: IOS-XE 17 by default, ios-15 for IOS 15.x / IOS-XE 16.x', async () => {
    const xe17 = JSON.parse((await cli(['--json', '--preset', 'ikev2-seed'])).out) as Json;
    expect(xe17.debug.initiator).toMatch(/^Mar {2}1 2024 10:00:00\.000 UTC: IKEv2-INTERNAL:\(SESSION ID = 1,SA ID = 1\):SM Trace-> /);
    expect(xe17.debug.initiator).toContain('IKEv2-PAK:(SESSION ID = 1,SA ID = 1):Next payload: SA, version: 2.0 Exchange type: IKE_SA_INIT, flags: INITIATOR Message id: 0');
    const ios15 = JSON.parse((await cli(['--json', '--style', 'ios-15', '--preset', 'ikev2-seed'])).out) as Json;
    expect(ios15.debug.initiator).toMatch(/^\*Mar {2}1 10:00:00\.000: IKEv2:\(SESSION ID = 1,SA ID = 1\):SM Trace-> /);
    expect(ios15.debug.initiator).not.toContain('IKEv2-PAK:');
    expect(ios15.debug.initiator).not.toContain('IKEv2-INTERNAL:');
  });

  test('the text report names the exchanges and the refusal', async () => {
    const r = await cli(['--preset', 'ikev2-ts-mismatch']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('IKE SA complete, child SA failed');
    expect(r.out).toContain('refuses the child SA: TS_UNACCEPTABLE');
    expect(r.out).toContain('--- R2 (responder) debug output ---');
  });
});
