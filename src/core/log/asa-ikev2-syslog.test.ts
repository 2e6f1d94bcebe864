/**
 * The ASA's IKEv2 system messages. Real: the two 750003 lines of fixtures/partial (a forum post and SEKOIA's parser
 * tests) and SEKOIA's FTD 750006. Hand-written, marked where used: an IPv6 pair of ends and a message that quotes no error, the forms the
 * ASA's syslog guide gives them, to pin how the ends are cut and what is said of a message the reader does not know.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../analyze.ts';
import { asaIkev2Message, asaIkev2Words, cutAfterEnds, quotedIkev2Error } from './asa-ikev2-syslog.ts';

describe("the ASA's IKEv2 system messages", () => {
  test('both ends with their ports, the user, the message (SEKOIA test_ASA_750003)', () => {
    expect(asaIkev2Message('ASA', '750003', 'Local:2.2.2.2:500 Remote:HOSTNAME:500 Username:User1 IKEv2 Negotiation aborted due to ERROR: There was no IPSEC policy found for received TS')).toEqual({
      local: '2.2.2.2',
      localPort: 500,
      remote: 'HOSTNAME',
      remotePort: 500,
      user: 'User1',
      message: 'IKEv2 Negotiation aborted due to ERROR: There was no IPSEC policy found for received TS',
    });
  });

  test('an IPv6 address keeps its colons, the port is after the last (hand-written)', () => {
    const m = asaIkev2Message('FTD', '750006', 'Local:2001:db8::1:4500 Remote:2001:db8::2:4500 Username:tg-peer IKEv2 SA UP. Reason: New Connection Established');
    expect(m).toMatchObject({ local: '2001:db8::1', localPort: 4500, remote: '2001:db8::2', remotePort: 4500, user: 'tg-peer' });
    expect(asaIkev2Words(m!)).toBe('The IKEv2 SA is up (this side 2001:db8::1:4500, the peer 2001:db8::2:4500, user or tunnel group tg-peer): new connection established.');
    // a message the reader does not know is said as printed, with its ends (750004's text as an ASA message list
    // gives it, its placeholders filled by hand)
    const cookie = asaIkev2Message('ASA', '750004', 'Local:10.1.1.1:500 Remote:10.2.2.2:500 Username:Unknown Sending COOKIE challenge to throttle possible DoS');
    expect(asaIkev2Words(cookie!)).toBe('IKEv2 system message (this side 10.1.1.1:500, the peer 10.2.2.2:500): Sending COOKIE challenge to throttle possible DoS');
  });

  test("750006: the IKEv2 SA up, with its reason (SEKOIA's FTD parser tests, test_FTD_75006)", () => {
    const m = asaIkev2Message('FTD', '750006', 'Local:2.2.2.2:4500 Remote:1.1.1.1:55543 Username:admin IKEv2 SA UP. Reason: New Connection Established');
    expect(asaIkev2Words(m!)).toBe('The IKEv2 SA is up (this side 2.2.2.2:4500, the peer 1.1.1.1:55543, user or tunnel group admin): new connection established.');
  });

  test('other system messages are not these', () => {
    expect(asaIkev2Message('CRYPTO', '750003', 'Local:1.1.1.1:500 Remote:2.2.2.2:500 Username:x y')).toBeNull();
    expect(asaIkev2Message('ASA', '713905', 'Local:1.1.1.1:500 Remote:2.2.2.2:500 Username:x y')).toBeNull();
    expect(asaIkev2Message('ASA', '750003', 'IKEv2 Negotiation aborted')).toBeNull();
  });

  test('the error an aborted negotiation quotes is read as its debug line (forum post)', () => {
    expect(quotedIkev2Error('IKEv2 Negotiation aborted due to ERROR: Failed to receive the AUTH msg before the timer expired')).toMatchObject({ kind: 'error', code: 'auth-timeout' });
    expect(quotedIkev2Error('IKEv2 Negotiation aborted due to ERROR: something no debug line says')).toBeNull();
    expect(quotedIkev2Error('Failed to receive the AUTH msg before the timer expired')).toBeNull();
  });

  test('a message cut after its ends awaits its text on the next line (forum post)', () => {
    expect(cutAfterEnds('%ASA-4-750003: Local:9.8.7.6:500 Remote:2.3.4.5:500 Username:Unknown ')).toBe(true);
    expect(cutAfterEnds('%ASA-4-750003: Local:9.8.7.6:500 Remote:2.3.4.5:500 Username:Unknown IKEv2 Negotiation aborted')).toBe(false);
    expect(cutAfterEnds(`%ASA-4-750003: Local:${'9'.repeat(5000)}`)).toBe(false);
  });

  test('two errors of one peer are two events; the same error again joins its event (the SEKOIA line, its error changed by hand)', () => {
    const ts = '%ASA-4-750003: Local:2.2.2.2:500 Remote:HOSTNAME:500 Username:User1 IKEv2 Negotiation aborted due to ERROR: There was no IPSEC policy found for received TS';
    const policy = '%ASA-4-750003: Local:2.2.2.2:500 Remote:HOSTNAME:500 Username:User1 IKEv2 Negotiation aborted due to ERROR: Failed to find a matching policy';
    const a = analyze([{ name: 'asa', text: [ts, policy, ts].join('\n') }]);
    expect(a.events.map((e) => [e.event, e.peer, e.lines.map((l) => l.line)])).toEqual([
      ['%ASA-4-750003', 'HOSTNAME', [1, 3]],
      ['%ASA-4-750003', 'HOSTNAME', [2]],
    ]);
  });
});
