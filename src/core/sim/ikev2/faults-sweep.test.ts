/**
 * Every IKEv2 preset under every single loss (each message from each side, up to three times in a row), with and
 * without NAT, in both debug styles: the simulation never throws, and analyze() reads each run back with every
 * line understood and every SM step allowed by the machines, the IOS-XE 17 output as the 15.x output.
 */
import { expect, test } from 'vitest';
import { analyze } from '../../analyze.ts';
import type { Ikev2MessageName } from '../../ike/messages.ts';
import { routerOf } from '../preset-scenario.ts';
import { writeIkev2Debug } from './debug-writer.ts';
import type { Ikev2DebugStyle } from './debug-style.ts';
import { IKEV2_PRESETS } from './presets.ts';
import { simulateIkev2 } from './simulate.ts';
import { ikev2FaultFlags } from './trace.ts';

const MESSAGES: readonly Ikev2MessageName[] = ['IKE_SA_INIT', 'IKE_SA_INIT.response', 'IKE_AUTH', 'IKE_AUTH.response', 'INFORMATIONAL', 'INFORMATIONAL.response'];

for (const p of IKEV2_PRESETS) {
  test(`${p.name}: every single loss, with and without NAT, reads back`, () => {
    for (const nat of [false, true]) {
      for (const message of MESSAGES) {
        for (const times of [1, 3]) {
          const from = message.endsWith('.response') ? ('responder' as const) : ('initiator' as const);
          const faults = { ...ikev2FaultFlags(p.faults), ...(nat ? { nat: true } : {}), lose: Array.from({ length: times }, () => ({ from, message })) };
          const trace = simulateIkev2({ initiator: routerOf(p.initiator), responder: routerOf(p.responder), faults });
          const read = (style: Ikev2DebugStyle) =>
            analyze([
              { name: 'R1.log', text: `R1#debug crypto ikev2\n${writeIkev2Debug(trace, 'initiator', style)}` },
              { name: 'R2.log', text: `R2#debug crypto ikev2\n${writeIkev2Debug(trace, 'responder', style)}` },
            ]);
          const summary: string[][] = [];
          for (const style of ['iosxe-17', 'ios-15'] as const) {
            const a = read(style);
            const what = `${message} x${times}${nat ? ' NAT' : ''} ${style}`;
            expect(a.input.unrecognized, what).toEqual([]);
            expect(a.negotiations.length, what).toBeGreaterThan(0);
            const refused = a.negotiations.flatMap((n) => n.ikeSa?.transitions ?? []).filter((t) => t.allowed !== true);
            expect(refused, what).toEqual([]);
            summary.push(a.negotiations.flatMap((n) => [`${n.ikeSa?.outcome} ${n.findings.map((f) => f.code).join(',')}`, ...(n.ikeSa?.messages.map((m) => `${m.name}${m.response === true ? '.response' : ''}${m.retransmission ? ' (resend)' : ''}`) ?? [])]));
          }
          expect(summary[0], `${message} x${times}${nat ? ' NAT' : ''}`).toEqual(summary[1]);
        }
      }
    }
  });
}
