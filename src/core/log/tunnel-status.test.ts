/**
 * IOS's session status messages. Hand-written lines in the form Exabeam's Cisco IOS parser matches for
 * `%CRYPTO-5-IKEV2_SESSION_STATUS` ("Crypto tunnel v2 is (UP|DOWN)", "Peer ip(:port)", stored file id 24168862964)
 * and IOS prints with `Id:` after the peer; no captured line of either message is in the corpus yet.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../analyze.ts';
import { lineInfo } from '../line-info.ts';
import { tunnelStatus } from './tunnel-status.ts';

const up = '*Dec  4 10:22:33.123: %CRYPTO-5-IKEV2_SESSION_STATUS: Crypto tunnel v2 is UP.  Peer 10.0.12.3:500       Id: 10.0.12.3';
const down = '*Dec  4 10:25:33.123: %CRYPTO-5-IKEV2_SESSION_STATUS: Crypto tunnel v2 is DOWN.  Peer 10.0.12.3:500       Id: 10.0.12.3';

describe('session status messages', () => {
  test('the peer without its port, the identity, the version, up or down', () => {
    expect(tunnelStatus('IKEV2_SESSION_STATUS', 'Crypto tunnel v2 is UP.  Peer 10.0.12.3:500       Id: 10.0.12.3')).toEqual({ ikeVersion: 2, up: true, peer: '10.0.12.3', port: 500, id: '10.0.12.3' });
    expect(tunnelStatus('SESSION_STATUS', 'Crypto tunnel is DOWN. Peer 192.0.2.7:4500 Id: spoke7.example.com')).toEqual({ ikeVersion: 1, up: false, peer: '192.0.2.7', port: 4500, id: 'spoke7.example.com' });
    // an IPv6 peer stays whole: a port after its own colons could not be told from them
    expect(tunnelStatus('IKEV2_SESSION_STATUS', 'Crypto tunnel v2 is UP.  Peer 2001:db8::2:500 Id: 2001:db8::2')).toMatchObject({ peer: '2001:db8::2:500', port: null });
    expect(tunnelStatus('IKMP_NO_SA', 'Crypto tunnel v2 is UP.  Peer 10.0.12.3:500')).toBeNull();
    expect(tunnelStatus('IKEV2_SESSION_STATUS', 'Crypto tunnel v2 is flapping')).toBeNull();
  });

  test('a tunnel up, then down: two events of that peer, each line said for itself, no negotiation', () => {
    const a = analyze([{ name: 'status', text: `${up}\n${down}\n` }]);
    expect(a.negotiations).toEqual([]);
    expect(a.input.unrecognized).toEqual([]);
    expect(a.events.map((e) => [e.event, e.peer, e.lines.map((l) => l.line)])).toEqual([
      ['%CRYPTO-5-IKEV2_SESSION_STATUS', '10.0.12.3', [1]],
      ['%CRYPTO-5-IKEV2_SESSION_STATUS', '10.0.12.3', [2]],
    ]);
    expect(lineInfo(a, { file: 0, line: 1 }).annotation).toBe('The crypto session with 10.0.12.3 (port 500) is up: its IKEv2 SA is established.');
    expect(lineInfo(a, { file: 0, line: 2 }).annotation).toBe('The crypto session with 10.0.12.3 (port 500) is down: its IKEv2 SA is gone.');
  });

  test('the same message twice is one event with both lines', () => {
    const a = analyze([{ name: 'status', text: `${up}\n${up}\n` }]);
    expect(a.events.map((e) => e.lines.map((l) => l.line))).toEqual([[1, 2]]);
  });
});
