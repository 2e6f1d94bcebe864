import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { contextFromText } from '../context.ts';
import { attachedConfig } from '../../attach-config.ts';
import { PRESETS } from '../../sim/presets.ts';
import { rule } from './weak-crypto.ts';

const read = (path: string) => readFileSync(new URL(`../../../../fixtures/${path}`, import.meta.url), 'utf8');

const cases: { name: string; text: string; weak: string[] }[] = [
  { name: "seed: the seed's own policy, DES / SHA / group 1", text: read('seed/ios-ikev1-main-mode-debugs.txt'), weak: ['DES', 'DH group 1'] },
  { name: 'corpus 04: CSDL non-compliance warnings', text: read('corpus/04-csdl-noncompliant-algorithms-iosxe.log'), weak: ['3DES', 'MD5', 'DH group 2', 'DH group 5'] },
  { name: 'corpus 08: 3DES / MD5 / group 2, esp-des, PFS group 1', text: read('corpus/08-mm-qm-success-initiator-ios124-pfs-annotated-zh.log'), weak: ['3DES', 'MD5', 'DH group 2', 'esp-des', 'PFS group 1'] },
  { name: 'corpus 22: group 5', text: read('corpus/22-p1-lifetime-negotiation-responder-notes-snippet.log'), weak: ['DH group 5'] },
  { name: 'corpus 01: AES / group 14', text: read('corpus/01-mm-qm-success-initiator-iosxe-cryptomap.log'), weak: [] },
  { name: 'corpus 18: AES 256 / SHA512 / group 16', text: read('corpus/18-l2tp-transport-udp-error256-responder-issue-excerpts.log'), weak: [] },
];

for (const c of cases) {
  test(c.name, () => {
    const found = rule.diagnose(contextFromText(c.text));
    expect(found.map((f) => f.severity)).toEqual(c.weak.length > 0 ? ['warning'] : []);
    for (const w of c.weak) expect(found[0]?.summary).toContain(w);
  });
}

test('seed: says what to use instead, evidence on both routers', () => {
  const [f] = rule.diagnose(contextFromText(read('seed/ios-ikev1-main-mode-debugs.txt')));
  expect(f?.fix).toContain('aes 256');
  expect(f?.fix).toContain('group 14');
  expect(f?.fix).toMatch(/19 \/ 20/);
  expect(f?.lines.map((l) => l.line)).toEqual([182, 186, 635, 639]);
});

test("seed with its routers' configs: the policy lines (IOS defaults fall on the policy header)", () => {
  const seed = PRESETS.find((p) => p.name === 'seed');
  if (!seed) throw new Error('preset missing');
  const configs = { initiator: attachedConfig(1, seed.initiator.config), responder: attachedConfig(2, seed.responder.config) };
  const [f] = rule.diagnose(contextFromText(read('seed/ios-ikev1-main-mode-debugs.txt'), 0, configs));
  expect(f?.configLines).toContainEqual({ file: 1, line: 2 });
  expect(f?.configLines).toContainEqual({ file: 2, line: 2 });
});

test('a proposal of 200,000 weak attribute lines, then many acceptances: each line is evidence once, no stack overflow', () => {
  const head = '*Oct 25 18:53:16.490: ISAKMP: (0):';
  const text = [
    `${head}Checking ISAKMP transform 1 against priority 10 policy`,
    ...Array.from({ length: 200_000 }, () => `${head}      encryption DES-CBC`),
    ...Array.from({ length: 1_000 }, () => `${head}atts are acceptable. Next payload is 0`),
  ].join('\n');
  const [f] = rule.diagnose(contextFromText(text));
  expect(f?.summary).toContain('DES');
  expect(f?.lines).toHaveLength(200_000);
});
