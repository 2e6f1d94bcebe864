import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from './check-command.ts';
import type { CommandIo } from './command.ts';

const seedR2 = 'fixtures/configs/seed-R2.config.txt';
const seedR3 = 'fixtures/configs/seed-R3.config.txt';
const readSeedR3 = () => readFileSync(seedR3, 'utf8');

async function cli(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CommandIo = { out: (t) => void (out += t), err: (t) => void (err += t), readStdin: () => Promise.resolve(stdin) };
  const code = await run(args, io);
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'ikescope-check-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('check --json', () => {
  test('the seed routers agree', async () => {
    const r = await cli(['--json', seedR2, seedR3]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Record<string, unknown>;
    expect(json).toMatchObject({ schema: 'ikescope.check/1', ikeVersion: 1, phase1: 'agree', phase2: 'agree', failsAt: null });
    expect(json.findings).toEqual([expect.objectContaining({ code: 'WEAK_CRYPTO', severity: 'warning', lines: [{ file: 0, line: 1 }, { file: 1, line: 1 }] })]);
  });

  test('two IKEv2 routers: ikeVersion 2, the exchange it fails at, the agreed proposal', async () => {
    const r15 = 'fixtures/configs/ikev2/gre-r15-otus.cfg';
    const r16 = readFileSync('fixtures/configs/ikev2/gre-r16-otus.cfg', 'utf8');
    const agree = JSON.parse((await cli(['--json', r15, file('r16.cfg', r16)])).out) as Record<string, unknown>;
    expect(agree).toMatchObject({ ikeVersion: 2, phase1: 'agree', phase2: 'agree', failsAt: null, agreedProposal: { initiator: 'IKEv2-GRE', responder: 'IKEv2-GRE' } });
    // R16's key changed (derived from the real config): refused in IKE_AUTH
    const mismatch = JSON.parse((await cli(['--json', r15, file('r16-key.cfg', r16.replace('pre-shared-key OTUS', 'pre-shared-key other'))])).out) as Record<string, unknown>;
    expect(mismatch).toMatchObject({ ikeVersion: 2, phase1: 'disagree', failsAt: 'IKE_AUTH', findings: [{ code: 'PSK_MISMATCH', message: 'IKE_AUTH' }] });
    const text = (await cli([r15, file('r16-text.cfg', r16)])).out;
    expect(text).toContain('IKE SA: agree (proposal IKEv2-GRE with IKEv2-GRE: aes-cbc-256 sha256 prf sha256 group 21)');
    expect(text).toContain('Child SA: agree (transform set IPSEC-TRANSFORM with IPSEC-TRANSFORM)');
  });

  test('--release iosxe-17.11: the seed fails at MM1', async () => {
    const r = await cli(['--json', '--release', 'iosxe-17.11', seedR2, seedR3]);
    expect(JSON.parse(r.out)).toMatchObject({ phase1: 'disagree', failsAt: 'MM1' });
  });

  test('a PSK mismatch names the key line on each router', async () => {
    const other = file('R3-other-key.cfg', readSeedR3().replace('crypto isakmp key cisco', 'crypto isakmp key cisc0'));
    const r = await cli(['--json', seedR2, other]);
    const json = JSON.parse(r.out) as { failsAt: string; findings: { code: string; lines: unknown }[] };
    expect(json.failsAt).toBe('MM5');
    expect(json.findings.find((f) => f.code === 'PSK_MISMATCH')?.lines).toEqual([{ file: 0, line: 6 }, { file: 1, line: 6 }]);
  });

  test('one file holding both routers', async () => {
    const r = await cli(['--json', 'fixtures/corpus/07-qm-responder-iosxe-cryptomap-pppoe.config.txt']);
    expect(JSON.parse(r.out)).toMatchObject({ phase1: 'agree', phase2: 'agree', input: { routers: ['ce1', 'ce2'] } });
  });

  test('--routers picks routers in a paste that holds several', async () => {
    const r = await cli(['--json', '--routers', 'R3,R2', 'fixtures/corpus/08-mm-qm-success-initiator-ios124-pfs-annotated-zh.config.txt']);
    expect(JSON.parse(r.out)).toMatchObject({ phase1: 'agree', input: { routers: ['R3', 'R2'] } });
  });

  test('a paste with more routers than needed: the choice is said on stderr', async () => {
    const r = await cli(['--json', 'fixtures/corpus/01-mm-qm-success-initiator-iosxe-cryptomap.config.txt']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('names 3 routers (Hub-RTR, spoke1, spoke2); using Hub-RTR and spoke1 (--routers A,B to choose)');
    expect(JSON.parse(r.out)).toMatchObject({ input: { routers: ['Hub-RTR', 'spoke1'] } });
  });

  test("'-' reads stdin", async () => {
    const r = await cli(['--json', seedR2, '-'], readSeedR3());
    expect(JSON.parse(r.out)).toMatchObject({ phase1: 'agree', input: { files: [seedR2, '<stdin>'] } });
  });
});

describe('readable report', () => {
  test('names the routers, the verdict and the lines to change', async () => {
    const weak = file('R3-weak.cfg', readSeedR3().replace('authentication pre-share', 'authentication pre-share\nencryption aes 256'));
    const r = await cli([seedR2, weak]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Phase 1: disagree');
    expect(r.out).toContain('ERROR P1_POLICY_MISMATCH at MM1');
    expect(r.out).toContain(`${weak}:4  encryption aes 256`);
    expect(r.out).toContain(`${seedR2}:1  crypto isakmp policy 10`);
  });
});

describe('bad input', () => {
  const cases: { name: string; args: () => string[]; code: number; err: string }[] = [
    { name: 'no files', args: () => [], code: 2, err: 'give two config files' },
    { name: 'three files', args: () => [seedR2, seedR3, seedR2], code: 2, err: 'give two config files' },
    { name: 'unknown option', args: () => ['--yaml', seedR2, seedR3], code: 2, err: "unknown option '--yaml'" },
    { name: 'unknown release', args: () => ['--release', '12.4', seedR2, seedR3], code: 2, err: "unknown release '12.4'" },
    { name: 'missing file', args: () => [seedR2, join(dir, 'missing.cfg')], code: 1, err: 'missing.cfg: no such file' },
    { name: 'a directory', args: () => [seedR2, dir], code: 1, err: 'is a directory' },
    { name: 'binary', args: () => [seedR2, file('blob.bin', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0]))], code: 1, err: 'not a text file' },
    { name: 'no crypto config', args: () => [seedR2, file('prose.txt', 'hello\nthis is not a config\n')], code: 1, err: 'no IOS crypto configuration found' },
    { name: 'one file with one router', args: () => [seedR2], code: 1, err: 'give two files' },
    { name: 'an unknown router', args: () => ['--routers', 'R2,R9', 'fixtures/corpus/08-mm-qm-success-initiator-ios124-pfs-annotated-zh.config.txt'], code: 1, err: "no router 'R9' (routers named in it: R2, R3)" },
    { name: '--routers with one name', args: () => ['--routers', 'R2', seedR2, seedR3], code: 2, err: 'two names' },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const r = await cli(c.args());
      expect(r.code).toBe(c.code);
      expect(r.err).toContain(c.err);
      expect(r.out).toBe('');
    });
  }

  test('--help prints usage and exits 0', async () => {
    const r = await cli(['--help']);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain('Usage:');
  });
});

describe('check of a Cisco ASA', () => {
  test("an ASA's config is said to be out of what the check reads, with the line that shows it: no verdict", async () => {
    const asa = 'fixtures/configs/ikev2/asa-vti-azure-china-readme.cfg';
    const r = await cli(['--json', asa, 'fixtures/configs/ikev2/gre-r15-otus.cfg']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      `ikescope check: ${asa} is a Cisco ASA's configuration (line 17: encryption aes-256 aes-192 aes): check reads IOS and IOS-XE crypto configurations only, not the ASA's IKEv2 policies, IPsec proposals and tunnel groups, so it predicts nothing for this pair\n`,
    );
    const gcp = await cli(['fixtures/configs/ikev2/gre-r15-otus.cfg', 'fixtures/configs/ikev2/asa-vti-gcp-two-tunnels-doc.cfg']);
    expect(gcp.code).toBe(1);
    expect(gcp.err).toContain('asa-vti-gcp-two-tunnels-doc.cfg is a Cisco ASA');
  });
});
