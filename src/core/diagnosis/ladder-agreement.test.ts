import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Message, Negotiation } from '../analysis.ts';
import { analyze, type AnalyzeInput } from '../analyze.ts';
import type { Side } from '../ike/sides.ts';
import { labSetupOf, runLab } from '../sim/lab.ts';
import { PRESETS } from '../sim/presets.ts';

/**
 * The findings' sentences and the ladder tell of the same resends and losses: whatever a summary says a
 * router resent, sent unanswered or lost is what the negotiation's messages (the arrows, their resends and
 * their delivery marks) show. Checked on every corpus log, the seed, and each lab preset as two files, one
 * paste and each router alone.
 */
const fixtures = new URL('../../../fixtures/', import.meta.url);
const corpus = readdirSync(new URL('corpus/', fixtures))
  .filter((f) => f.endsWith('.log'))
  .map((f) => ({ name: f, files: [{ name: f, text: readFileSync(new URL(`corpus/${f}`, fixtures), 'utf8') }] }));
const seed = { name: 'seed', files: [{ name: 'seed', text: readFileSync(new URL('seed/ios-ikev1-main-mode-debugs.txt', fixtures), 'utf8') }] };
const presets = PRESETS.flatMap((p) => {
  const run = runLab(labSetupOf(p.name)!);
  if (!run.ok) return [];
  const logs = run.files.filter((f) => f.kind === 'log');
  return [
    { name: `${p.name}, two files`, files: logs },
    { name: `${p.name}, one paste`, files: [{ name: 'both', text: `${run.debug.initiator}\n${run.debug.responder}` }] },
    { name: `${p.name}, initiator alone`, files: [{ name: 'initiator', text: run.debug.initiator }] },
    { name: `${p.name}, responder alone`, files: [{ name: 'responder', text: run.debug.responder }] },
  ];
});
const cases: { name: string; files: AnalyzeInput[] }[] = [...corpus, seed, ...presets];

/** The side a summary names by its router's name. */
function sideNamed(n: Negotiation, who: string): Side {
  const side = (['initiator', 'responder'] as const).find((s) => n.routers[s].name === who || `the ${s}` === who);
  if (side === undefined) throw new Error(`no router named ${who}`);
  return side;
}

const copies = (n: Negotiation, name: string, from: Side): Message[] =>
  [...n.phase1.messages, ...n.phase2.flatMap((p) => p.messages)].filter((m) => m.name === name && m.from === from);
const resends = (n: Negotiation, name: string, from: Side): number => copies(n, name, from).filter((m) => m.retransmission).length;

/** The router name a sentence puts before `at`. */
const wordBefore = (text: string, at: number): string => text.slice(0, at).split(' ').at(-1) ?? '';

/** Each claim a summary makes about messages, checked against the negotiation; how many were checked. */
function checkClaims(n: Negotiation, summary: string): number {
  let checked = 0;
  for (const match of summary.matchAll(/ resent (MM\d|AM\d|QM\d) (\d+) times?/g)) {
    const [, name, count] = match;
    const who = wordBefore(summary, match.index);
    expect(resends(n, name!, sideNamed(n, who)), `${who} resent ${name}`).toBe(Number(count));
    checked += 1;
  }
  for (const match of summary.matchAll(/ sent (MM1|AM1) to [\w.:]+ (\d+) times and never got an answer/g)) {
    const [, name, count] = match;
    const who = wordBefore(summary, match.index);
    const sent = copies(n, name!, sideNamed(n, who));
    expect(sent.length, `${who} sent ${name}`).toBe(Number(count));
    expect(['lost', 'unanswered']).toContain(sent.at(-1)?.delivery);
    checked += 1;
  }
  for (const [, count] of summary.matchAll(/MM1 resends that follow \((\d+) of them\)/g)) {
    expect(resends(n, 'MM1', 'initiator')).toBe(Number(count));
    checked += 1;
  }
  for (const [, count] of summary.matchAll(/Seen (\d+) times: the initiator retried/g)) {
    expect(copies(n, 'QM1', 'initiator').length).toBe(Number(count));
    checked += 1;
  }
  for (const [, name, how] of summary.matchAll(/\b(MM\d|AM\d|QM\d) (?:was |were )?(lost|unanswered)\b/g)) {
    expect(copies(n, name!, 'initiator').concat(copies(n, name!, 'responder')).some((m) => m.delivery === how)).toBe(true);
    checked += 1;
  }
  return checked;
}

describe('findings and the ladder tell the same resends', () => {
  let checked = 0;
  for (const c of cases) {
    test(c.name, () => {
      for (const n of analyze(c.files).negotiations) for (const f of n.findings) checked += checkClaims(n, f.summary);
    });
  }
  test('the sentences were there to check', () => {
    // resends in psk-mismatch, peer-unreachable and p1-policy-mismatch, Quick Mode retries in the phase 2 presets
    expect(checked).toBeGreaterThanOrEqual(20);
  });
});

test('a router that resent MM5 on its own log: the ladder marks the last copy unanswered, and the sentence says so', () => {
  const run = runLab(labSetupOf('psk-mismatch')!);
  if (!run.ok) throw new Error(run.error);
  const [n] = analyze([{ name: 'initiator', text: run.debug.initiator }]).negotiations;
  const summary = n!.findings.find((f) => f.code === 'PSK_MISMATCH')!.summary;
  expect(summary).toContain('resent MM5 5 times without a usable answer');
  expect(copies(n!, 'MM5', 'initiator').at(-1)?.delivery).toBe('unanswered');
  // one router's log shows nothing lost: that needs the receiver's log
  expect(n!.phase1.messages.some((m) => m.delivery === 'lost')).toBe(false);
});
