import { describe, expect, test } from 'vitest';
import type { LosableMessage } from '../../core/sim/losable.ts';
import type { SimFaults } from '../../core/sim/trace.ts';
import { initialMode } from './mode.ts';
import { withFault, type FaultName } from './use-lab.ts';

describe('fault switches', () => {
  const cases: { name: string; faults: SimFaults; fault: FaultName; on: boolean; message?: LosableMessage; ikeVersion?: 1 | 2; out: SimFaults }[] = [
    { name: 'NAT on', faults: {}, fault: 'nat', on: true, out: { nat: true } },
    { name: 'NAT off, unreachable kept', faults: { nat: true, unreachable: true }, fault: 'nat', on: false, out: { unreachable: true } },
    { name: 'lose on: the initiator MM3, once', faults: { nat: true }, fault: 'lose', on: true, out: { nat: true, lose: [{ from: 'initiator', message: 'MM3' }] } },
    { name: 'lose off', faults: { lose: [{ from: 'responder', message: 'MM4' }] }, fault: 'lose', on: false, out: {} },
    { name: 'lose QM2: the responder sends it', faults: {}, fault: 'lose', on: true, message: 'QM2', out: { lose: [{ from: 'responder', message: 'QM2' }] } },
    { name: 'lose on in an IKEv2 run: the initiator IKE_AUTH, once', faults: {}, fault: 'lose', on: true, ikeVersion: 2, out: { lose: [{ from: 'initiator', message: 'IKE_AUTH' }] } },
    { name: 'lose IKE_SA_INIT.response: the responder sends it', faults: {}, fault: 'lose', on: true, message: 'IKE_SA_INIT.response', ikeVersion: 2, out: { lose: [{ from: 'responder', message: 'IKE_SA_INIT.response' }] } },
    { name: "an IKEv1 message asked of an IKEv2 run: IKEv2's own third", faults: {}, fault: 'lose', on: true, message: 'MM5', ikeVersion: 2, out: { lose: [{ from: 'initiator', message: 'IKE_AUTH' }] } },
    { name: 'unreachable on twice stays one switch', faults: { unreachable: true }, fault: 'unreachable', on: true, out: { unreachable: true } },
  ];
  for (const c of cases) test(c.name, () => expect(withFault(c.faults, c.fault, c.on, c.message, c.ikeVersion)).toEqual(c.out));
});

describe('the mode a link opens', () => {
  const cases = [
    { hash: '', mode: 'analyse' },
    { hash: '#n=0&s=3', mode: 'analyse' },
    { hash: '#lab=eJwrSS0u0S0pSgQAGRkEGQ&n=0&s=3', mode: 'lab' },
    { hash: '#lab=', mode: 'analyse' },
    { hash: '#w=lab&n=0&s=3', mode: 'lab' },
    { hash: '#w=case.0a1b2c3d4e5f&n=0&s=3', mode: 'analyse' },
  ];
  for (const c of cases) test(`'${c.hash}' opens ${c.mode}`, () => expect(initialMode(c.hash)).toBe(c.mode));
});
