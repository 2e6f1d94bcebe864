/**
 * The states an IKEv2 log without SM Trace lines implies by its packets (corpus 11, 24), walked through the
 * machines; a packet the model does not allow where the log puts it is flagged. Real logs, cut where a test needs
 * a packet missing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Transition } from '../../analysis.ts';
import { analyze } from '../../analyze.ts';

const corpus = (name: string): string => readFileSync(`fixtures/corpus/${name}`, 'utf8');
const C11 = '11-ikev2-iosxe-ipv6-vti-auth-no-proposal-chosen-initiator.log';
const C24 = '24-ike-sa-init-no-response-retransmit-initial-exchange-failed-initiator-iosxe16.log';
const C29 = '29-asa-success-ike-sa-init-ike-auth-initiator-pair-a.log';

function transitions(text: string): Transition[] {
  return analyze([{ name: 'log', text }]).negotiations.flatMap((n) => n.ikeSa?.transitions ?? []);
}

const path = (ts: readonly Transition[]): string[] => ts.map((t) => t.to);

describe('IKEv2 states implied by packets', () => {
  test('corpus 11: the initiator\'s whole path to READY and its two deletes, every step allowed and marked implied', () => {
    const ts = transitions(corpus(C11));
    expect(path(ts)).toEqual([
      'I_BLD_INIT', 'I_WAIT_INIT', 'I_PROC_INIT', 'INIT_DONE', 'I_BLD_AUTH', 'I_WAIT_AUTH', 'I_PROC_AUTH', 'AUTH_DONE', 'READY',
      'DELETE', 'INFO_I_BLD_INFO', 'INFO_I_WAIT', 'DELETE', 'INFO_I_BLD_INFO', 'INFO_I_WAIT', 'DELETE',
    ]);
    expect(ts.every((t) => t.implied === true && t.allowed === true && t.side === 'initiator')).toBe(true);
    // the step that sends a packet names it and sits inside its block, after the packet line (placed after the arrow)
    const sent = ts.find((t) => t.to === 'I_WAIT_INIT')!;
    expect(sent).toMatchObject({ input: 'IKE_SA_INIT request sent', line: { file: 0, line: 40 } });
    // the steps of building a message sit on its packet line (placed before its arrow), with no printed input
    expect(ts.find((t) => t.to === 'I_BLD_AUTH')).toMatchObject({ input: '', line: { file: 0, line: 93 } });
  });

  test('corpus 24: IKE_SA_INIT sent and never answered: the initiator waits in I_WAIT_INIT, no failure implied', () => {
    const ts = transitions(corpus(C24));
    expect(path(ts)).toEqual(['I_BLD_INIT', 'I_WAIT_INIT']);
    expect(ts.every((t) => t.implied === true && t.allowed === true)).toBe(true);
  });

  test('a log with SM Trace lines keeps its printed states only', () => {
    const ts = transitions(corpus(C29));
    expect(ts.length).toBeGreaterThan(5);
    expect(ts.some((t) => t.implied === true)).toBe(false);
  });

  test('an IKE_AUTH response with no IKE_AUTH request before it is flagged', () => {
    // corpus 11 with the IKE_AUTH request's packet block (lines 93-97) cut out of the paste
    const lines = corpus(C11).split('\n');
    const cut = [...lines.slice(0, 92), ...lines.slice(97)].join('\n');
    const ts = transitions(cut);
    const refused = ts.filter((t) => t.allowed === false);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ from: 'I_BLD_AUTH', to: 'I_WAIT_AUTH', implied: true });
    expect(refused[0]!.explanation).toBe('The IKEv2 initiator model sends IKE_AUTH on the way from I_BLD_AUTH to I_WAIT_AUTH; the log shows no such packet before this one.');
    // the rest of the path is still the model's
    expect(path(ts)).toContain('READY');
  });

  test('an excerpt that begins at IKE_AUTH starts where its first packet is, not at IDLE', () => {
    // corpus 11 from its IKE_AUTH request on (line 93): IKE_SA_INIT is before the paste
    const lines = corpus(C11).split('\n');
    const ts = transitions(lines.slice(92).join('\n'));
    expect(ts[0]).toMatchObject({ from: 'I_BLD_AUTH', to: 'I_WAIT_AUTH', allowed: true });
    expect(ts.every((t) => t.allowed === true)).toBe(true);
  });
});
