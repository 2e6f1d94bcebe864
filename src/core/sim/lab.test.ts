/**
 * The lab's run read back by the page's analysis path (logs then configs, config relations attached):
 * a simulated negotiation must be analysed exactly like a real paste, and editing a config line must
 * change the outcome.
 */
import { describe, expect, test } from 'vitest';
import type { Analysis } from '../analysis.ts';
import { analyze } from '../analyze.ts';
import { labSetupOf, runLab, type LabFile, type LabSetup } from './lab.ts';
import { PRESETS } from './presets.ts';

function setup(name: string): LabSetup {
  const s = labSetupOf(name);
  if (!s) throw new Error(`no preset ${name}`);
  return s;
}

function analysed(s: LabSetup): Analysis {
  const run = runLab(s);
  if (!run.ok) throw new Error(run.error);
  return analyzeFiles(run.files);
}

/** As the page does: logs first, then configs; the analysis relates each config's lines to the messages. */
function analyzeFiles(files: readonly LabFile[]): Analysis {
  const logs = files.filter((f) => f.kind === 'log');
  const configs = files.filter((f) => f.kind === 'config');
  return analyze(logs, { configs });
}

const codes = (a: Analysis) => a.negotiations.flatMap((n) => n.findings.map((f) => f.code));

describe('runLab', () => {
  for (const p of PRESETS) {
    test(`${p.name}: two logs then two configs, outcome as the preset means`, () => {
      const run = runLab(setup(p.name));
      if (!run.ok) throw new Error(run.error);
      expect(run.files.map((f) => f.kind)).toEqual(['log', 'log', 'config', 'config']);
      expect(run.files[0]?.name).toBe(`${p.initiator.name} (simulated).log`);
      expect(run.files[1]?.name).toBe(`${p.responder.name} (simulated).log`);
      expect(run.trace.outcome).toEqual(p.expect);
      expect(run.style).toBe(p.initiator.platform === 'ios' ? 'ios-15' : 'ios-xe');
    });
  }

  test('psk-mismatch: one two-sided negotiation, phase 1 failed after MM5 was retransmitted', () => {
    const a = analysed(setup('psk-mismatch'));
    const n = a.negotiations[0];
    const first = n?.phase1.messages.filter((m) => !m.retransmission).map((m) => m.name) ?? [];
    expect(a.negotiations).toHaveLength(1);
    expect(n?.role).toBe('both');
    expect(first.slice(0, 5)).toEqual(['MM1', 'MM2', 'MM3', 'MM4', 'MM5']);
    expect(n?.phase1.messages.filter((m) => m.name === 'MM5' && m.retransmission).length).toBeGreaterThan(0);
    expect(n?.phase1.outcome).toBe('failed');
  });

  test('psk-mismatch: MM6 is never sent, BRANCH resending MM4 is read as such', () => {
    const n = analysed(setup('psk-mismatch')).negotiations[0];
    expect(n?.phase1.messages.map((m) => m.name)).not.toContain('MM6');
    expect(n?.phase1.messages.filter((m) => m.name === 'MM4' && m.retransmission).length).toBeGreaterThan(0);
  });

  test('psk-mismatch: PSK_MISMATCH found', () => {
    expect(codes(analysed(setup('psk-mismatch')))).toContain('PSK_MISMATCH');
  });

  test('each log starts with its router\'s prompt, so the analysis names both routers', () => {
    const run = runLab(setup('psk-mismatch'));
    if (!run.ok) throw new Error(run.error);
    expect(run.debug.initiator.split('\n').slice(0, 2)).toEqual(['HQ#debug crypto isakmp', 'HQ#debug crypto ipsec']);
    const n = analyzeFiles(run.files).negotiations[0];
    expect([n?.routers.initiator.name, n?.routers.responder.name]).toEqual(['HQ', 'BRANCH']);
    expect(analyzeFiles(run.files).input.unrecognized).toEqual([]);
  });

  test('the seed preset: messages carry config lines of both routers', () => {
    const a = analysed(setup('seed'));
    const mm1 = a.negotiations[0]?.phase1.messages.find((m) => m.name === 'MM1');
    const files = new Set((mm1?.config ?? []).map((l) => l.file));
    expect([...files].sort()).toEqual([2, 3]);
  });

  const edits: { name: string; from: string; edit: (s: LabSetup) => LabSetup; phase1: 'failed'; finding: string }[] = [
    {
      name: 'encryption changed on the responder',
      from: 'nat-t',
      edit: (s) => ({ ...s, faults: {}, responder: s.responder.replace(' encryption aes 256', ' encryption aes 128') }),
      phase1: 'failed',
      finding: 'P1_POLICY_MISMATCH',
    },
    {
      name: 'key changed on the initiator',
      from: 'seed',
      edit: (s) => ({ ...s, initiator: s.initiator.replace('key cisco address', 'key cisc0 address') }),
      phase1: 'failed',
      finding: 'PSK_MISMATCH',
    },
  ];
  for (const c of edits) {
    test(`what-if: ${c.name} changes the outcome to ${c.finding}`, () => {
      const before = runLab(setup(c.from));
      const after = runLab(c.edit(setup(c.from)));
      if (!before.ok || !after.ok) throw new Error('run failed');
      expect(before.trace.outcome.phase1).toBe('complete');
      expect(after.trace.outcome.phase1).toBe(c.phase1);
    });
    test(`what-if: ${c.name} is diagnosed as ${c.finding}`, () => {
      expect(codes(analysed(c.edit(setup(c.from))))).toContain(c.finding);
    });
  }

  test('a config without crypto lines is refused with a reason', () => {
    const run = runLab({ ...setup('seed'), responder: 'hostname R3\n' });
    expect(run).toEqual({ ok: false, error: expect.stringContaining('R3: no IOS crypto configuration') });
  });
});

describe('a config word an object inherits', () => {
  const A = 'hostname A\ncrypto isakmp policy 10\n hash constructor\n encryption __proto__\ncrypto isakmp key k address 10.0.0.2\ninterface e0\n ip address 10.0.0.1 255.255.255.0\ncrypto map M 10 ipsec-isakmp\n set peer 10.0.0.2\n';
  const B = 'hostname B\ncrypto isakmp policy 10\ncrypto isakmp key k address 10.0.0.1\ninterface e0\n ip address 10.0.0.2 255.255.255.0\ncrypto map M 10 ipsec-isakmp\n set peer 10.0.0.1\n';

  test('is not an algorithm: the policy keeps its defaults and the simulation runs', () => {
    const run = runLab({ preset: null, initiator: A, responder: B, mode: 'main', faults: {} });
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    expect(run.trace.outcome.phase1).toBe('complete');
    expect(`${run.debug.initiator}\n${run.debug.responder}`).not.toMatch(/constructor|__proto__|native code/);
  });
});
