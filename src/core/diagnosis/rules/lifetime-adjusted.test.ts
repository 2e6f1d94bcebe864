import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { contextFromText } from '../context.ts';
import { rule } from './lifetime-adjusted.ts';

const read = (path: string) => readFileSync(new URL(`../../../../fixtures/${path}`, import.meta.url), 'utf8');

const cases: { name: string; text: string; severities: string[] }[] = [
  { name: 'corpus 22: 1200 offered, 600 used', text: read('corpus/22-p1-lifetime-negotiation-responder-notes-snippet.log'), severities: ['info'] },
  // Realistic IOS initiator line (not in the corpus).
  { name: 'RESPONDER_LIFETIME received', text: 'ISAKMP:(1001):processing NOTIFY RESPONDER_LIFETIME protocol 1', severities: ['info'] },
  { name: 'corpus 18: actual life 0 (no adjustment)', text: read('corpus/18-l2tp-transport-udp-error256-responder-issue-excerpts.log'), severities: [] },
  { name: 'seed: 86400 both sides', text: read('seed/ios-ikev1-main-mode-debugs.txt'), severities: [] },
];

for (const c of cases) {
  test(c.name, () => {
    expect(rule.diagnose(contextFromText(c.text)).map((f) => f.severity)).toEqual(c.severities);
  });
}

test('corpus 22: both values and lines', () => {
  const [f] = rule.diagnose(contextFromText(read('corpus/22-p1-lifetime-negotiation-responder-notes-snippet.log')));
  expect(f?.summary).toContain('1200 s');
  expect(f?.summary).toContain('600 s');
  expect(f?.lines.map((l) => l.line)).toEqual([14, 16]);
});
