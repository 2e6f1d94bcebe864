import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from './analyze-command.ts';

const fixtures = new URL('../../fixtures/', import.meta.url);
const seed = new URL('seed/ios-ikev1-main-mode-debugs.txt', fixtures).pathname;
const corpus01 = new URL('corpus/01-mm-qm-success-initiator-iosxe-cryptomap.log', fixtures).pathname;
const config01 = new URL('corpus/01-mm-qm-success-initiator-iosxe-cryptomap.config.txt', fixtures).pathname;
const dir = mkdtempSync(join(tmpdir(), 'ikescope-cli-'));

async function cli(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t), readStdin: async () => stdin });
  return { code, out, err };
}

describe('analyze command', () => {
  test('seed: text ladder, states, outcome and verification', async () => {
    const r = await cli([seed]);
    expect(r.code).toBe(0);
    for (const m of ['MM1', 'MM3', 'MM5', 'QM1', 'QM3']) expect(r.out).toMatch(new RegExp(`R2 ─+${m}─+► R3`));
    for (const m of ['MM2', 'MM4', 'MM6', 'QM2']) expect(r.out).toMatch(new RegExp(`R2 ◄─+${m}─+ R3`));
    expect(r.out).toContain('Phase 1 (Main Mode): complete');
    expect(r.out).toContain('initiator states: IKE_READY → IKE_I_MM1');
    expect(r.out).toContain('responder states: IKE_READY → IKE_R_MM1');
    expect(r.out).toContain('SPIs: inbound 0x45F16A9A, outbound 0x221A7153');
    expect(r.out).toContain('ACTIVE, 9 packets out, 9 in: the tunnel passes traffic both ways.');
  });

  test('--summary prints the whole log as one table, the failing peer first', async () => {
    const corpus02 = new URL('corpus/02-no-psk-configured-initiator-iosxe.log', fixtures).pathname;
    const corpus06 = new URL('corpus/06-nat-t-mm-qm-initiator-behind-nat-iosxe.log', fixtures).pathname;
    const r = await cli(['--summary', corpus06, corpus01, corpus02]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^3 negotiations, 1 failed\n/);
    expect(r.out).toContain('  Phase 1: complete 2, failed 1\n');
    expect(r.out).toMatch(/ {4}NO_PSK +1\n/);
    const peers = r.out.split('\n').filter((l) => /^ {4}\d/.test(l));
    expect(peers[0]).toMatch(/^ {4}203\.0\.113\.1 +2 +1 +NO_PSK$/);
    expect(peers[1]).toMatch(/^ {4}61\.128\.1\.1 +1 +0 +NAT_T SA_DELETED_BY_PEER WEAK_CRYPTO$/);
    expect((await cli(['--summary', '--json', corpus01])).code).toBe(2);
  });

  test('--json prints the ikescope.analysis/1 object', async () => {
    const r = await cli(['--json', seed]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { schema: string; negotiations: { role: string }[]; input: { lines: number } };
    expect(json.schema).toBe('ikescope.analysis/1');
    expect(json.negotiations.map((n) => n.role)).toEqual(['both']);
    expect(json.input.lines).toBe(1096);
    expect(Object.keys(json)).toEqual(['schema', 'input', 'summary', 'negotiations']);
  });

  test('--annotate lists every line with its meaning', async () => {
    const r = await cli(['--annotate', corpus01]);
    const lines = r.out.split('\n');
    const i = lines.findIndex((l) => l.includes('sending packet to 203.0.113.1 my_port 500 peer_port 500 (I) MM_NO_STATE'));
    expect(i).toBeGreaterThan(0);
    expect(lines[i + 1]).toContain('Sends an IKE packet to the peer as initiator (state MM_NO_STATE');
    expect(lines.filter((l) => /^\s+\d+ /.test(l))).toHaveLength(204);
  });

  test('stdin with -', async () => {
    const r = await cli(['--json', '-'], readFileSync(corpus01, 'utf8'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).negotiations[0].role).toBe('initiator');
  });

  test('--config files join input.files', async () => {
    const r = await cli(['--json', '--config', config01, corpus01]);
    const json = JSON.parse(r.out) as { input: { files: { kind: string }[] } };
    expect(json.input.files.map((f) => f.kind)).toEqual(['log', 'config']);
  });

  const bad: { name: string; args: () => string[]; code: number; err: RegExp }[] = [
    { name: 'no file', args: () => [], code: 2, err: /no log file given/ },
    { name: 'unknown option', args: () => ['--frobnicate', seed], code: 2, err: /unknown option/ },
    { name: 'missing file', args: () => [join(dir, 'nope.log')], code: 1, err: /no such file/ },
    { name: 'a directory', args: () => [dir], code: 1, err: /is a directory/ },
    {
      name: 'a binary file',
      args: () => {
        const f = join(dir, 'bin.dat');
        writeFileSync(f, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3, 0, 0]));
        return [f];
      },
      code: 1,
      err: /binary/,
    },
    {
      name: 'an empty file',
      args: () => {
        const f = join(dir, 'empty.log');
        writeFileSync(f, '');
        return [f];
      },
      code: 0,
      err: /empty/,
    },
  ];
  for (const c of bad) {
    test(`bad input: ${c.name}`, async () => {
      const r = await cli(c.args());
      expect(r.code).toBe(c.code);
      expect(r.err).toMatch(c.err);
    });
  }

  test('a 1 MB single line is analysed, not choked on', async () => {
    const f = join(dir, 'long.log');
    writeFileSync(f, `*Sep 21 08:33:43.377: ISAKMP: (0):${'x'.repeat(1 << 20)}`);
    const r = await cli(['--json', f]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { input: { lines: number; unrecognized: unknown[] } };
    expect(json.input.lines).toBe(1);
    expect(json.input.unrecognized).toHaveLength(1);
  });
});
