import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { analyze } from '../analyze.ts';

const read = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');
const negotiationsOf = (path: string) => analyze([{ name: path, text: read(path) }]).negotiations;

test("corpus 06: the harmless line after the peer's DELETE is kept, and the finding explains it", () => {
  const [n] = negotiationsOf('corpus/06-nat-t-mm-qm-initiator-behind-nat-iosxe.log');
  // 155: "peer does not do paranoid keepalives." printed as the SA the peer deleted (154) is torn down
  expect(n?.evidence.some((e) => e.at.line === 155 && e.type === 'info')).toBe(true);
  const deleted = n?.findings.find((f) => f.code === 'SA_DELETED_BY_PEER');
  expect(deleted?.summary).toContain('"peer does not do paranoid keepalives" (SITE-A\'s log, line 155) is a red herring');
});

test("corpus 10: R2's 'Map Accepted' after its refusal is kept, so the refused transforms are not reported as a failure", () => {
  const [, r2] = negotiationsOf('corpus/10-p1-keylength-mismatch-and-p2-transform-mismatch-transcribed.log');
  expect(r2?.evidence.some((e) => e.at.line === 123 && e.type === 'info' && e.text.startsWith('Map Accepted'))).toBe(true);
  const refused = r2?.findings.find((f) => f.code === 'P2_TRANSFORM_MISMATCH');
  expect(refused?.severity).toBe('info');
  expect(refused?.fix).toMatch(/^Nothing to fix/);
});

test('a success keeps of its state changes only the Quick Modes completed, and none of its packets', () => {
  const [n] = negotiationsOf('seed/ios-ikev1-main-mode-debugs.txt');
  expect(n?.evidence.some((e) => e.type === 'packet')).toBe(false);
  expect(new Set(n?.evidence.flatMap((e) => (e.type === 'fsm-state' ? [e.to] : [])))).toEqual(new Set(['IKE_QM_PHASE2_COMPLETE']));
});
