/**
 * One fuzz case: real corpus input, mutated by a seed, through every entry a user can reach: `analyze --json`,
 * `check --json` and `simulate --json` as the CLI runs them, and the lab's share-link decoder. A case passes when
 * nothing throws, every command's output is valid JSON of its schema, and every input line is accounted for.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as analyzeCommand } from '../../src/cli/analyze-command.ts';
import { run as checkCommand } from '../../src/cli/check-command.ts';
import { run as simulateCommand } from '../../src/cli/simulate-command.ts';
import type { Command } from '../../src/cli/command.ts';
import { runLab } from '../../src/core/sim/lab.ts';
import { PRESETS } from '../../src/core/sim/presets.ts';
import { decodeExercise, encodeExercise } from '../../src/ui/lab/share.ts';
import { mutate, pick, rng, type Random } from './mutate.ts';

export interface FuzzCorpus {
  logs: readonly string[];
  configs: readonly string[];
}

export function loadCorpus(): FuzzCorpus {
  const root = new URL('../../fixtures/', import.meta.url);
  const read = (dir: string, test: (name: string) => boolean) =>
    readdirSync(new URL(dir, root))
      .filter(test)
      .sort()
      .map((name) => readFileSync(new URL(`${dir}${name}`, root), 'utf8'));
  return {
    logs: [...read('corpus/', (n) => n.endsWith('.log')), ...read('seed/', (n) => n.endsWith('.txt'))],
    configs: [...read('corpus/', (n) => n.endsWith('.config.txt')), ...read('configs/', (n) => n.endsWith('.txt')), ...PRESETS.flatMap((p) => [p.initiator.config, p.responder.config])],
  };
}

/** Lines as the reader and the log pane count them: each ends at \n, \r\n or a lone \r; a last line may have no ending. */
const lineCount = (text: string) => (text === '' ? 0 : text.split(/\r\n|\r|\n/).length - (/[\r\n]$/.test(text) ? 1 : 0));

/** Runs one command as the CLI does, with its output captured; an exception is the command's failure. */
async function invoke(command: Command, args: readonly string[], stdin = ''): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await command(args, { out: (t) => void (out += t), err: (t) => void (err += t), readStdin: () => Promise.resolve(stdin) });
  return { status, out, err };
}

function parsed(out: string, schema: string, problems: string[], what: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(out) as Record<string, unknown>;
    if (value.schema !== schema) problems.push(`${what}: schema ${String(value.schema)}`);
    return value;
  } catch (error) {
    problems.push(`${what}: output is not JSON (${String(error)}): ${out.slice(0, 200)}`);
    return null;
  }
}

async function analyzeCase(random: Random, corpus: FuzzCorpus, problems: string[]): Promise<void> {
  const text = mutate(random, pick(random, corpus.logs), pick(random, corpus.logs));
  const result = await invoke(analyzeCommand, ['--json', '-'], text);
  // Refusing input (binary data) with a message is an answer, not a failure.
  if (result.status !== 0 && result.out === '' && result.err !== '') return;
  const json = parsed(result.out, 'ikescope.analysis/1', problems, 'analyze');
  const input = json?.input as { lines: number; unrecognized: { line: number }[] } | undefined;
  if (!input) return;
  if (input.lines !== lineCount(text)) problems.push(`analyze: ${lineCount(text)} lines in, ${input.lines} accounted for`);
  if (input.unrecognized.some((u) => u.line < 1 || u.line > input.lines)) problems.push('analyze: an unrecognized line outside the input');
}

async function configCases(random: Random, corpus: FuzzCorpus, dir: string, problems: string[]): Promise<void> {
  const a = join(dir, 'a.cfg');
  const b = join(dir, 'b.cfg');
  writeFileSync(a, mutate(random, pick(random, corpus.configs), pick(random, corpus.configs)));
  writeFileSync(b, mutate(random, pick(random, corpus.configs), pick(random, corpus.configs)));
  const check = await invoke(checkCommand, ['--json', a, b]);
  if (check.status === 0 || check.out !== '') parsed(check.out, 'ikescope.check/1', problems, 'check');
  const simulation = await invoke(simulateCommand, ['--json', '--config', a, '--config', b]);
  if (simulation.out !== '') parsed(simulation.out, 'ikescope.simulation/1', problems, 'simulate');
}

/** A link as the page would receive it after a bad copy or a deliberate edit: characters of a real link changed. */
function linkCase(random: Random, problems: string[]): void {
  const preset = pick(random, PRESETS);
  const link = encodeExercise({ preset: preset.name, initiator: preset.initiator.config, responder: preset.responder.config, mode: preset.mode, faults: preset.faults }, random() < 0.5);
  const chars = [...link];
  const edits = 1 + Math.floor(random() * 4);
  for (let i = 0; i < edits; i += 1) chars[Math.floor(random() * chars.length)] = pick(random, [...'ABCxyz019-_+/=%']);
  const decoded = decodeExercise(random() < 0.1 ? chars.join('').slice(0, Math.floor(random() * chars.length)) : chars.join(''));
  if (decoded.ok) {
    const run = runLab(decoded.setup);
    if (!run.ok && run.error === '') problems.push('link: a run failed without saying why');
  }
}

/** The problems of case `seed` (none when it passes); an exception anywhere is one. */
export async function fuzzCase(seed: number, corpus: FuzzCorpus): Promise<string[]> {
  const random = rng(seed);
  const problems: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'ikescope-fuzz-'));
  try {
    await analyzeCase(random, corpus, problems);
    await configCases(random, corpus, dir, problems);
    linkCase(random, problems);
  } catch (error) {
    problems.push(`exception: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return problems;
}
