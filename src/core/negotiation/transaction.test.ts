/**
 * XAUTH and mode config, the transaction exchange IOS runs after phase 1 for Easy VPN and remote access. Hand-written:
 * no published capture of an IOS router's XAUTH debug was found in the stored pages, threads or code; the lines are
 * written in the form IOS prints (its states IKE_XAUTH_*, its packet state CONF_XAUTH, its transaction payload line),
 * after a real responder's IKE_R_MM5 → IKE_P1_COMPLETE (corpus 01's form).
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../analyze.ts';
import { isTransactionStep, transactionMessage } from '../ike/transaction.ts';

const xauth = [
  '*Mar  1 00:10:01.100: ISAKMP:(1002):Old State = IKE_R_MM5  New State = IKE_P1_COMPLETE',
  '*Mar  1 00:10:01.101: ISAKMP:(1002):Need XAUTH',
  '*Mar  1 00:10:01.101: ISAKMP: set new node 1385549349 to CONF_XAUTH',
  '*Mar  1 00:10:01.102: ISAKMP/xauth: request attribute XAUTH_USER_NAME_V2',
  '*Mar  1 00:10:01.103: ISAKMP:(1002): initiating peer config to 10.1.1.2. ID = 1385549349',
  '*Mar  1 00:10:01.103: ISAKMP:(1002): sending packet to 10.1.1.2 my_port 500 peer_port 500 (R) CONF_XAUTH',
  '*Mar  1 00:10:01.104: ISAKMP:(1002):Input = IKE_MESG_FROM_AAA, IKE_AAA_START_LOGIN',
  '*Mar  1 00:10:01.104: ISAKMP:(1002):Old State = IKE_P1_COMPLETE  New State = IKE_XAUTH_REQ_SENT',
  '*Mar  1 00:10:05.200: ISAKMP (1002): received packet from 10.1.1.2 dport 500 sport 500 Global (R) CONF_XAUTH',
  '*Mar  1 00:10:05.201: ISAKMP:(1002):processing transaction payload from 10.1.1.2. message ID = 1385549349',
  '*Mar  1 00:10:05.201: ISAKMP: Config payload REPLY',
  '*Mar  1 00:10:05.202: ISAKMP:(1002):Input = IKE_MESG_FROM_PEER, IKE_CFG_REPLY',
  '*Mar  1 00:10:05.203: ISAKMP:(1002):Old State = IKE_XAUTH_REQ_SENT  New State = IKE_XAUTH_AAA_CONT_LOGIN_AWAIT',
].join('\n');

describe('the transaction exchange (XAUTH, mode config)', () => {
  test('its packets are XAUTH messages, its states no deviation of Main Mode, its lines understood', () => {
    const a = analyze([{ name: 'ezvpn-server.log', text: xauth }]);
    expect(a.input.unrecognized).toEqual([]);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'responder', peer: '10.1.1.2' });
    expect(n.phase1.outcome).toBe('complete');
    expect(n.informational.map((m) => [m.name, m.dir])).toEqual([['XAUTH', 'out'], ['XAUTH', 'in']]);
    // phase 1's own step is judged by the Main Mode responder model; the transaction's are not judged by it
    expect(n.phase1.transitions.map((t) => [t.to, t.allowed])).toEqual([
      ['IKE_P1_COMPLETE', true],
      ['IKE_XAUTH_REQ_SENT', null],
      ['IKE_XAUTH_AAA_CONT_LOGIN_AWAIT', null],
    ]);
    expect(n.findings).toEqual([]);
    // the exchange's node is said for what it opens
    const node = a.records.line.indexOf(3);
    expect(a.records.annotations[a.records.annotation[node] ?? -1]).toBe('New transaction exchange: XAUTH.');
  });

  test('which steps and packet states are the transaction exchange’s', () => {
    expect(isTransactionStep({ from: 'IKE_P1_COMPLETE', to: 'IKE_XAUTH_REQ_SENT', input: 'IKE_MESG_FROM_AAA, IKE_AAA_START_LOGIN' })).toBe(true);
    expect(isTransactionStep({ from: 'IKE_P1_COMPLETE', to: 'IKE_CONFIG_AUTHOR_AAA_AWAIT', input: 'IKE_MESG_FROM_PEER, IKE_CFG_REQUEST' })).toBe(true);
    // corpus 01's own steps are not
    expect(isTransactionStep({ from: 'IKE_I_MM6', to: 'IKE_P1_COMPLETE', input: 'IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE' })).toBe(false);
    expect(isTransactionStep({ from: 'IKE_P1_COMPLETE', to: 'IKE_P1_COMPLETE', input: 'IKE_MESG_INTERNAL, IKE_PHASE1_COMPLETE' })).toBe(false);
    expect([transactionMessage('CONF_XAUTH'), transactionMessage('CONF_ADDR'), transactionMessage('QM_IDLE')]).toEqual(['XAUTH', 'MODE_CFG', null]);
  });
});
