import { describe, expect, test } from 'vitest';
import { PRESETS } from '../core/sim/presets.ts';
import type { CommandIo } from './command.ts';
import { run } from './simulate-command.ts';

const seedR2 = 'fixtures/configs/seed-R2.config.txt';
const seedR3 = 'fixtures/configs/seed-R3.config.txt';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CommandIo = { out: (t) => void (out += t), err: (t) => void (err += t), readStdin: () => Promise.resolve('') };
  const code = await run(args, io);
  return { code, out, err };
}

describe('simulate --json', () => {
  for (const preset of PRESETS) {
    test(`--preset ${preset.name}`, async () => {
      const r = await cli(['--json', '--preset', preset.name]);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.out) as { schema: string; outcome: unknown; steps: unknown[]; debug: { initiator: string; responder: string } };
      expect(json.schema).toBe('ikescope.simulation/1');
      expect((json as { ikeVersion?: number }).ikeVersion).toBe(1);
      expect(json.outcome).toEqual(preset.expect);
      expect(json.steps.length).toBeGreaterThan(5);
      expect(json.debug.initiator).toContain('IKE_READY');
    });
  }

  test("the seed's own configs, 15.x style", async () => {
    const r = await cli(['--json', '--style', 'ios-15', '--config', seedR2, '--config', seedR3]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { initiator: { name: string; address: string }; responder: { address: string }; outcome: unknown; debug: { responder: string } };
    expect(json.initiator).toMatchObject({ name: 'seed-R2', address: '2001:db8::2' });
    expect(json.responder.address).toBe('2001:db8::3');
    expect(json.outcome).toEqual({ phase1: 'complete', phase2: 'complete' });
    expect(json.debug.responder).toContain('ISAKMP:(1001):Old State = IKE_QM_R_QM2  New State = IKE_QM_PHASE2_COMPLETE');
  });

  test('--fault unreachable on the seed configs', async () => {
    const r = await cli(['--json', '--fault', 'unreachable', '--config', seedR2, '--config', seedR3]);
    expect(JSON.parse(r.out)).toMatchObject({ outcome: { phase1: 'failed', phase2: 'incomplete' } });
  });
});

test('--fault lose:responder:MM4: the lost MM4 is sent again and the negotiation completes', async () => {
  const r = await cli(['--json', '--fault', 'lose:responder:MM4', '--config', seedR2, '--config', seedR3]);
  const json = JSON.parse(r.out) as { outcome: unknown; steps: { side: string; event: { kind: string; message?: string; lost?: boolean } }[] };
  expect(json.outcome).toEqual({ phase1: 'complete', phase2: 'complete' });
  const mm4 = json.steps.filter((s) => s.side === 'responder' && s.event.kind === 'send' && s.event.message === 'MM4');
  expect(mm4.map((s) => s.event.lost)).toEqual([true, false]);
});

describe('simulate, text and errors', () => {
  test('the report names the outcome and prints both routers', async () => {
    const r = await cli(['--preset', 'transform-mismatch']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('phase 1 complete, phase 2 failed');
    expect(r.out).toContain('refuses QM1: transform');
    expect(r.out).toContain('--- HQ (initiator) debug output ---');
    expect(r.out).toContain('--- BRANCH (responder) debug output ---');
  });

  const usageErrors: [string, string[]][] = [
    ['no source', []],
    ['both sources', ['--preset', 'seed', '--config', seedR2]],
    ['one config', ['--config', seedR2]],
    ['unknown preset', ['--preset', 'nope']],
    ['bad style', ['--preset', 'seed', '--style', 'ios-16']],
    ['unknown option', ['--preset', 'seed', '--verbose']],
    ['bad fault', ['--preset', 'seed', '--fault', 'lose:router:MM9']],
  ];
  for (const [name, args] of usageErrors) {
    test(`usage error: ${name}`, async () => {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.err).toContain('Usage:');
    });
  }

  test('a missing file', async () => {
    const r = await cli(['--config', 'fixtures/nope.cfg', '--config', seedR3]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('fixtures/nope.cfg: no such file');
  });
});
