/**
 * Test helper, imported by tests only (never by the analyzer): a rule's cases as a table, each run the way
 * production runs the rules. The logs and configs go through analyze(), which builds the negotiations,
 * relates the configs to their routers and diagnoses each negotiation; a case then checks the findings of
 * the rule's code on the negotiations analyze() returned, as the page and the CLI show them.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { Analysis, Finding, FindingCode, Severity } from '../../analysis.ts';
import { analyze } from '../../analyze.ts';
import type { LineRef } from '../../ike/line-ref.ts';
import type { MessageName } from '../../ike/messages.ts';
import type { Side } from '../../ike/sides.ts';
import { writeDebug } from '../../sim/debug-writer.ts';
import { labSetupOf, runLab, type LabSetup } from '../../sim/lab.ts';
import { findPreset, type SimPreset } from '../../sim/presets.ts';
import { scenarioOf } from '../../sim/preset-scenario.ts';
import { simulate } from '../../sim/simulate.ts';

/** A file of fixtures/ (the seed, the corpus copies, the configs). */
export function fixture(path: string): string {
  return readFileSync(new URL(`../../../../fixtures/${path}`, import.meta.url), 'utf8');
}

/** Lines of file 0, the first log. */
export function lines(...numbers: number[]): LineRef[] {
  return numbers.map((line) => ({ file: 0, line }));
}

/** A lab preset's two routers' simulated debug output and their configs. */
export interface Simulated {
  preset: SimPreset;
  initiator: string;
  responder: string;
  /** Both routers' output in one paste, the initiator's first. */
  paste: string;
}

export function simulated(name: string): Simulated {
  const preset = findPreset(name);
  if (!preset) throw new Error(`no preset ${name}`);
  const trace = simulate(scenarioOf(preset));
  const initiator = writeDebug(trace, 'initiator');
  const responder = writeDebug(trace, 'responder');
  return { preset, initiator, responder, paste: `${initiator}\n${responder}` };
}

/**
 * A Lab run from a preset, its configs edited as a user would in the Lab: the two routers' logs (files 0
 * and 1) and their configs (files 2 and 3), exactly the files the page analyses.
 */
export function lab(preset: string, edit: Partial<Pick<LabSetup, 'initiator' | 'responder'>> = {}): { logs: [string, string]; configs: [string, string] } {
  const setup = labSetupOf(preset);
  if (!setup) throw new Error(`no preset ${preset}`);
  const run = runLab({ ...setup, ...edit });
  if (!run.ok) throw new Error(run.error);
  return { logs: [run.debug.initiator, run.debug.responder], configs: [setup.initiator, setup.responder].map((c, i) => (i === 0 ? edit.initiator ?? c : edit.responder ?? c)) as [string, string] };
}

export interface RuleCase {
  name: string;
  /** The debug logs: one text is file 0; several are files 0, 1, ... in that order. */
  logs: string | readonly string[];
  /** Router configs, given after the logs (with one log the first config is file 1); analyze() decides whose each is. */
  configs?: readonly string[];
  /** The severities of the rule's findings, negotiation after negotiation; [] where the rule must not fire. */
  severities: readonly Severity[];
  /** Only this negotiation's findings (its index in the analysis); all negotiations' when left out. */
  negotiation?: number;
  // What the first of the rule's findings says, where the case names it:
  message?: MessageName;
  side?: Side;
  /** Its evidence lines, exactly. */
  lines?: readonly LineRef[];
  /** Evidence lines it has among others. */
  linesInclude?: readonly LineRef[];
  /** How many evidence lines it has. */
  lineCount?: number;
  /** Words (or patterns) of its summary. */
  summary?: readonly (string | RegExp)[];
  /** Words (or patterns) of its fix. */
  fix?: readonly (string | RegExp)[];
  /** Its config lines, exactly. */
  configLines?: readonly LineRef[];
  /** Config lines it has among others. */
  configLinesInclude?: readonly LineRef[];
  /** The files its config lines are in. */
  configFiles?: readonly number[];
  /** The lines of its red herrings, exactly. */
  explained?: readonly LineRef[];
  /** The words of its first red herring. */
  explainedText?: string | RegExp;
  /** Codes no rule may report on the same negotiations (where another rule owns the cause). */
  without?: readonly FindingCode[];
}

/** The analysis of a case, as production makes it. */
export function analyzeCase(c: Pick<RuleCase, 'logs' | 'configs'>): Analysis {
  const logs = typeof c.logs === 'string' ? [c.logs] : c.logs;
  return analyze(
    logs.map((text, i) => ({ name: `log ${i}`, text })),
    { configs: (c.configs ?? []).map((text, i) => ({ name: `config ${i}`, text })) },
  );
}

/** The findings of the case's negotiations (all of them, or the one it names). */
function findingsOf(analysis: Analysis, c: RuleCase): Finding[] {
  if (c.negotiation === undefined) return analysis.negotiations.flatMap((n) => n.findings);
  const n = analysis.negotiations[c.negotiation];
  if (n === undefined) throw new Error(`no negotiation ${c.negotiation}: the analysis has ${analysis.negotiations.length}`);
  return n.findings;
}

function expectWords(text: string | undefined, words: readonly (string | RegExp)[] | undefined, what: string) {
  for (const w of words ?? []) {
    if (typeof w === 'string') expect(text, what).toContain(w);
    else expect(text, what).toMatch(w);
  }
}

export function checkCase(code: FindingCode, c: RuleCase): void {
  const analysis = analyzeCase(c);
  // a case whose logs make no negotiation would pass without the rule ever running
  expect(analysis.negotiations.length, 'negotiations').toBeGreaterThan(0);
  const all = findingsOf(analysis, c);
  const found = all.filter((f) => f.code === code);
  expect(found.map((f) => f.severity), `${code} severities`).toEqual(c.severities);
  expect(all.filter((f) => c.without?.includes(f.code)).map((f) => f.code), 'codes that must not be reported').toEqual([]);
  const f = found[0];
  if (f === undefined) return;
  if (c.message !== undefined) expect(f.message, 'message').toBe(c.message);
  if (c.side !== undefined) expect(f.side, 'side').toBe(c.side);
  if (c.lines !== undefined) expect(f.lines, 'evidence lines').toEqual(c.lines);
  for (const l of c.linesInclude ?? []) expect(f.lines, 'evidence lines').toContainEqual(l);
  if (c.lineCount !== undefined) expect(f.lines, 'evidence lines').toHaveLength(c.lineCount);
  expectWords(f.summary, c.summary, 'summary');
  expectWords(f.fix, c.fix, 'fix');
  if (c.configLines !== undefined) expect(f.configLines, 'config lines').toEqual(c.configLines);
  for (const l of c.configLinesInclude ?? []) expect(f.configLines, 'config lines').toContainEqual(l);
  if (c.configFiles !== undefined) expect(new Set(f.configLines?.map((l) => l.file)), 'config files').toEqual(new Set(c.configFiles));
  if (c.explained !== undefined) expect(f.explained?.map((e) => e.line), 'red herrings').toEqual(c.explained);
  if (c.explainedText !== undefined) expectWords(f.explained?.[0]?.text, [c.explainedText], 'red herring');
}

/** One test per case: the rule's findings on the negotiations analyze() built from the case's logs. */
export function ruleCases(code: FindingCode, cases: readonly RuleCase[]): void {
  for (const c of cases) test(c.name, () => checkCase(code, c));
}
