import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analysisJson, analysisJsonPieces, analysisJsonText, lineRuns } from './analysis-json.ts';
import { analyze } from './analyze.ts';

const fixtures = new URL('../../fixtures/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, fixtures), 'utf8');

describe('lineRuns', () => {
  const cases = [
    { name: 'nothing', lines: [], runs: [] },
    { name: 'one line', lines: [{ file: 0, line: 4 }], runs: [{ file: 0, line: 4 }] },
    { name: 'consecutive lines make one run', lines: [40, 41, 42].map((line) => ({ file: 0, line })), runs: [{ file: 0, line: 40, to: 42 }] },
    { name: 'a gap starts a new run', lines: [1, 2, 4].map((line) => ({ file: 0, line })), runs: [{ file: 0, line: 1, to: 2 }, { file: 0, line: 4 }] },
    { name: 'the same number in another file is no continuation', lines: [{ file: 0, line: 7 }, { file: 1, line: 8 }], runs: [{ file: 0, line: 7 }, { file: 1, line: 8 }] },
    { name: 'the order given is kept, descending lines are not a run', lines: [{ file: 1, line: 3 }, { file: 0, line: 9 }, { file: 0, line: 8 }], runs: [{ file: 1, line: 3 }, { file: 0, line: 9 }, { file: 0, line: 8 }] },
  ];
  for (const c of cases) test(c.name, () => expect(lineRuns(c.lines)).toEqual(c.runs));
});

describe('analyze --json is the contract', () => {
  const seed = read('seed/ios-ikev1-main-mode-debugs.txt');
  const a = analyze([{ name: 'seed.txt', text: seed }], { configs: [{ name: 'R2.cfg', text: read('configs/seed-R2.config.txt') }] });
  const text = analysisJsonText(a);
  const json = JSON.parse(text) as Record<string, unknown>;

  const keysOf = (path: string[], value: unknown, out: Set<string>): void => {
    if (Array.isArray(value)) for (const v of value) keysOf(path, v, out);
    else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) {
        out.add([...path, k].join('.'));
        keysOf([...path, k], v, out);
      }
  };

  test('only the fields DESIGN.md names, at the places it names them', () => {
    const keys = new Set<string>();
    keysOf([], json, keys);
    const ref = (at: string) => [at, `${at}.file`, `${at}.line`, `${at}.to`];
    const message = (at: string) => [at, ...['name', 'from', 'dir'].map((k) => `${at}.${k}`), ...ref(`${at}.lines`), ...ref(`${at}.config`)];
    const n = 'negotiations';
    const contract = new Set([
      'schema', 'input', 'input.files', 'input.files.name', 'input.files.kind', 'input.files.lines', 'input.lines', ...ref('input.unrecognized'),
      n, ...['id', 'local', 'peer', 'role', 'ikeVersion', 'phase1', 'phase2', 'findings'].map((k) => `${n}.${k}`),
      ...['mode', 'outcome', 'transitions', 'proposal'].map((k) => `${n}.phase1.${k}`),
      ...['from', 'to', 'input', 'allowed', 'line', 'line.file', 'line.line'].map((k) => `${n}.phase1.transitions.${k}`),
      ...['encryption', 'keyLength', 'hash', 'group', 'auth', 'lifetimeSeconds'].map((k) => `${n}.phase1.proposal.${k}`),
      ...message(`${n}.phase1.messages`),
      ...['messageId', 'outcome', 'transform', 'encapsulation', 'pfsGroup', 'spis', 'spis.inbound', 'spis.outbound'].map((k) => `${n}.phase2.${k}`),
      ...message(`${n}.phase2.messages`),
      ...['code', 'severity', 'summary', 'fix'].map((k) => `${n}.findings.${k}`), ...ref(`${n}.findings.lines`),
      'summary', ...['negotiations', 'byOutcome', 'byOutcome.negotiation', 'byOutcome.phase1', 'byOutcome.phase2', 'byOutcome.ikeSa', 'byOutcome.childSas', 'failed', 'byFinding', 'bySeverity', 'peers', 'spans'].map((k) => `summary.${k}`),
      ...['error', 'warning', 'info'].map((k) => `summary.bySeverity.${k}`),
      ...['peer', 'negotiations', 'failed', 'codes'].map((k) => `summary.peers.${k}`), 'summary.spans.file', 'summary.spans.first', 'summary.spans.last',
    ]);
    // the counts are keyed by what they count: an outcome of the contract, a finding code
    const counted = /^summary\.(?:byOutcome\.(?:negotiation|phase[12]|ikeSa|childSas)\.(?:complete|failed|incomplete)|byFinding\.[A-Z0-9_]+)$/;
    expect([...keys].filter((k) => !contract.has(k) && !counted.test(k))).toEqual([]);
    for (const k of ['input.unrecognized', 'summary.peers.codes', 'summary.byFinding.WEAK_CRYPTO', `${n}.phase1.messages.lines.line`, `${n}.phase1.transitions.line.line`, `${n}.phase2.spis.inbound`, `${n}.phase1.proposal.group`]) expect(keys).toContain(k);
  });

  test('a message of a merged negotiation has no dir; its config lines are there when a config was given', () => {
    const mm1 = (json as { negotiations: { phase1: { messages: Record<string, unknown>[] } }[] }).negotiations[0]!.phase1.messages[0]!;
    expect(Object.keys(mm1)).toEqual(['name', 'from', 'lines', 'config']);
  });

  test('a run of consecutive lines is one reference, each reference on one line', () => {
    const log = 'corpus/01-mm-qm-success-initiator-iosxe-cryptomap';
    const text = analysisJsonText(analyze([{ name: 'log', text: read(`${log}.log`) }], { configs: [{ name: 'cfg', text: read(`${log}.config.txt`) }] }));
    expect(text).toMatch(/\{ "file": \d+, "line": \d+, "to": \d+ \}/);
    expect(text).not.toMatch(/"file": \d+,\n +"line"/);
  });

  test('smaller than the log it describes', () => {
    expect(text.length).toBeLessThan(seed.length);
  });
});

describe('the JSON text, written a few negotiations at a time', () => {
  // the same real log given as many files: as many negotiations, more than one batch of them
  const log = read('corpus/01-mm-qm-success-initiator-iosxe-cryptomap.log');
  const a = analyze(Array.from({ length: 150 }, (_, i) => ({ name: `r${i}.log`, text: log })));
  const whole = `${JSON.stringify(analysisJson(a), null, 2).replace(/\{\n +"file": (\d+),\n +"line": (\d+)(?:,\n +"to": (\d+))?\n +\}/g, (_, f: string, l: string, to: string | undefined) => (to === undefined ? `{ "file": ${f}, "line": ${l} }` : `{ "file": ${f}, "line": ${l}, "to": ${to} }`))}\n`;

  test('is the contract object printed whole, byte for byte', () => {
    expect(a.negotiations.length).toBe(150);
    expect(analysisJsonText(a)).toBe(whole);
  });

  test('comes in pieces none of which holds it all', () => {
    const pieces = [...analysisJsonPieces(a)];
    expect(pieces.length).toBeGreaterThan(3);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(whole.length / 2);
  });
});
