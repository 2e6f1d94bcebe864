import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { analyzedContext } from '../analyzed-context.ts';
import { contextFromText } from '../context.ts';
import { rule } from './sa-deleted-by-peer.ts';

const read = (path: string) => readFileSync(new URL(`../../../../fixtures/${path}`, import.meta.url), 'utf8');

// Realistic IOS 15 lines (the corpus has none with the tunnel going down): the peer deletes an established SA.
const deleted = [
  '*Mar  1 00:20:51.951: ISAKMP:(1001):Old State = IKE_I_MM6  New State = IKE_P1_COMPLETE',
  '*Mar  1 00:30:51.951: ISAKMP:(1001):processing DELETE payload. message ID = 1830462463',
  '*Mar  1 00:30:51.951: ISAKMP:(1001):peer does not do paranoid keepalives.',
  '*Mar  1 00:30:51.951: ISAKMP:(1001):deleting SA reason "P1 delete notify (in)" state (I) QM_IDLE       (peer 10.1.1.2)',
  '*Mar  1 00:30:51.955: ISAKMP:(1001):Input = IKE_MESG_INTERNAL, IKE_PHASE1_DEL',
  '*Mar  1 00:30:51.955: ISAKMP:(1001):Old State = IKE_P1_COMPLETE  New State = IKE_DEST_SA',
].join('\n');

const cases: { name: string; text: string; severities: string[] }[] = [
  { name: 'an established SA deleted by the peer: warning', text: deleted, severities: ['warning'] },
  { name: 'corpus 06: a stale SA cleared, then the negotiation completes: info', text: read('corpus/06-nat-t-mm-qm-initiator-behind-nat-iosxe.log'), severities: ['info'] },
  { name: 'corpus 08: the same on IOS 12.4', text: read('corpus/08-mm-qm-success-initiator-ios124-pfs-annotated-zh.log'), severities: ['info'] },
  { name: 'seed: no DELETE', text: read('seed/ios-ikev1-main-mode-debugs.txt'), severities: [] },
  { name: 'corpus 02: our own SA purged is no DELETE from the peer', text: read('corpus/02-no-psk-configured-initiator-iosxe.log'), severities: [] },
];

for (const c of cases) {
  test(c.name, () => {
    expect(rule.diagnose(contextFromText(c.text)).map((f) => f.severity)).toEqual(c.severities);
  });
}

test('the paranoid keepalives line is explained as a red herring', () => {
  const [f] = rule.diagnose(contextFromText(deleted));
  expect(f?.summary).toContain('red herring');
  expect(f?.explained?.map((e) => e.line.line)).toEqual([3]);
  expect(f?.lines.map((l) => l.line)).toEqual([2, 4]);
});

test('corpus 06: the side is the router that sent the DELETE', () => {
  const [f] = rule.diagnose(analyzedContext(read('corpus/06-nat-t-mm-qm-initiator-behind-nat-iosxe.log')));
  expect(f?.side).toBe('responder');
  expect(f?.fix).toBe('Nothing to fix.');
});
