/**
 * Grouping events into negotiations on logs assembled from real corpus line shapes: retries, interleaved
 * peers, the conn-id switch, logs without FSM lines, and informational exchanges.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze } from '../analyze.ts';
import { recordRows } from '../log/record-table.ts';

const stamp = (s: number): string => `*Oct 25 18:53:${String(10 + s).padStart(2, '0')}.000: `;

/** One initiator attempt that dies of retransmissions (corpus README failure lines). */
function deadAttempt(peer: string, t: number): string[] {
  return [
    `${stamp(t)}ISAKMP: (0):SA request profile is (NULL)`,
    `${stamp(t)}ISAKMP: (0):Created a peer struct for ${peer}, peer port 500`,
    `${stamp(t)}ISAKMP: (0):Input = IKE_MESG_FROM_IPSEC, IKE_SA_REQ_MM`,
    `${stamp(t)}ISAKMP: (0):Old State = IKE_READY  New State = IKE_I_MM1 `,
    `${stamp(t)}ISAKMP: (0):beginning Main Mode exchange`,
    `${stamp(t)}ISAKMP-PAK: (0):sending packet to ${peer} my_port 500 peer_port 500 (I) MM_NO_STATE`,
    `${stamp(t)}ISAKMP: (0):Sending an IKE IPv4 Packet.`,
    `${stamp(t + 1)}ISAKMP: (0):retransmitting phase 1 MM_NO_STATE...`,
    `${stamp(t + 1)}ISAKMP: (0):incrementing error counter on sa, attempt 1 of 5: retransmit phase 1`,
    `${stamp(t + 1)}ISAKMP-PAK: (0):sending packet to ${peer} my_port 500 peer_port 500 (I) MM_NO_STATE`,
    `${stamp(t + 1)}ISAKMP: (0):Sending an IKE IPv4 Packet.`,
    `${stamp(t + 2)}ISAKMP: (0):deleting SA reason "Death by retransmission P1" state (I) MM_NO_STATE (peer ${peer})`,
  ];
}

/** The start of a successful Main Mode up to MM4 and the conn-id switch, from corpus 01. */
function goodStart(peer: string, conn: number, t: number): string[] {
  return [
    `${stamp(t)}ISAKMP: (0):SA request profile is (NULL)`,
    `${stamp(t)}ISAKMP: (0):Created a peer struct for ${peer}, peer port 500`,
    `${stamp(t)}ISAKMP: (0):Input = IKE_MESG_FROM_IPSEC, IKE_SA_REQ_MM`,
    `${stamp(t)}ISAKMP: (0):Old State = IKE_READY  New State = IKE_I_MM1 `,
    `${stamp(t)}ISAKMP-PAK: (0):sending packet to ${peer} my_port 500 peer_port 500 (I) MM_NO_STATE`,
    `${stamp(t)}ISAKMP-PAK: (0):received packet from ${peer} dport 500 sport 500 Global (I) MM_NO_STATE`,
    `${stamp(t)}ISAKMP: (0):processing SA payload. message ID = 0`,
    `${stamp(t)}ISAKMP-PAK: (0):sending packet to ${peer} my_port 500 peer_port 500 (I) MM_SA_SETUP`,
    `${stamp(t)}ISAKMP-PAK: (0):received packet from ${peer} dport 500 sport 500 Global (I) MM_SA_SETUP`,
    `${stamp(t)}ISAKMP: (0):processing KE payload. message ID = 0`,
    `${stamp(t)}ISAKMP: (${conn}):processing vendor id payload`,
    `${stamp(t)}ISAKMP: (${conn}):vendor ID is DPD`,
    `${stamp(t)}ISAKMP: (0):peer matches *none* of the profiles`,
    `${stamp(t)}ISAKMP-PAK: (${conn}):sending packet to ${peer} my_port 500 peer_port 500 (I) MM_KEY_EXCH`,
  ];
}

export const names = (text: string): string[][] => analyze([{ name: 'x', text }]).negotiations.map((n) => n.phase1.messages.map((m) => `${m.name}${m.retransmission ? '*' : ''}`));

describe('negotiations', () => {
  test('a retry after failure is a new negotiation', () => {
    const a = analyze([{ name: 'x', text: [...deadAttempt('10.0.0.2', 0), ...deadAttempt('10.0.0.2', 10)].join('\n') }]);
    expect(a.negotiations).toHaveLength(2);
    for (const n of a.negotiations) {
      expect(n.phase1.outcome).toBe('failed');
      expect(n.phase1.messages.map((m) => [m.name, m.retransmission, m.attempt])).toEqual([
        ['MM1', false, 1],
        ['MM1', true, 2],
      ]);
      expect(n.evidence.filter((e) => e.type === 'retransmit' || e.type === 'sa').map((e) => e.type)).toEqual(['retransmit', 'retransmit', 'sa']);
    }
  });

  test('the conn-id switch around MM4 and (0) printed after it stay in one negotiation', () => {
    const a = analyze([{ name: 'x', text: goodStart('203.0.113.1', 1001, 0).join('\n') }]);
    expect(a.negotiations).toHaveLength(1);
    expect(names(goodStart('203.0.113.1', 1001, 0).join('\n'))).toEqual([['MM1', 'MM2', 'MM3', 'MM4', 'MM5']]);
    // every record of the log belongs to it
    expect(recordRows(a.records).every((r) => r.negotiation === 0)).toBe(true);
  });

  test('negotiations with two peers interleaved message by message are separated', () => {
    const x = goodStart('203.0.113.1', 1001, 0);
    const y = goodStart('198.51.100.7', 1002, 20);
    // interleave at packet boundaries, as a busy hub prints them
    const chunks = (lines: string[]): string[][] => {
      const out: string[][] = [];
      for (const l of lines) {
        if (l.includes('packet') || out.length === 0) out.push([]);
        out[out.length - 1]!.push(l);
      }
      return out;
    };
    const cx = chunks(x);
    const cy = chunks(y);
    const mixed: string[] = [];
    for (let i = 0; i < Math.max(cx.length, cy.length); i += 1) mixed.push(...(cx[i] ?? []), ...(cy[i] ?? []));
    const a = analyze([{ name: 'x', text: mixed.join('\n') }]);
    expect(a.negotiations.map((n) => n.peer).sort()).toEqual(['198.51.100.7', '203.0.113.1']);
    for (const n of a.negotiations) expect(n.phase1.messages.map((m) => m.name)).toEqual(['MM1', 'MM2', 'MM3', 'MM4', 'MM5']);
  });

  test('role from who sent first when the log has no FSM lines and no (I)/(R) (old 12.2 output)', () => {
    const text = [
      '00:27:07: ISAKMP (0:2): beginning Main Mode exchange',
      '00:27:07: ISAKMP (0:2): sending packet to 10.15.58.38 MM_NO_STATE',
      '00:27:08: ISAKMP (0:2): received packet from 10.15.58.38',
      '00:27:08: ISAKMP (0:2): processing SA payload. message ID = 0',
    ].join('\n');
    const a = analyze([{ name: 'x', text }]);
    expect(a.negotiations[0]?.role).toBe('initiator');
  });

  test('a responder: (N) NEW SA, then MM2, MM4 and MM6 sent (seed, R3)', () => {
    const text = [
      '*Sep 21 08:33:43.377: ISAKMP (0) : received packet from 2001: DB8::2 dport 500 sport 500 Global (N) NEW SA',
      '*Sep 21 08:33:43.377: ISAKMP: Created a peer struct for 2001: DB8::2, peer port 500',
      '*Sep 21 08:33:43.377: ISAKMP: (0): sending packet to 2001: DB8::2 my_port 500 peer_port 500 (R) MM_SA_SETUP',
      'Sep 21 08:33:43.381: ISAKMP (0): received packet from 2001B8::2 dport 500 sport 500 Global (R) MM_SA_SETUP',
      '*Sep 21 08:33:43.405: ISAKMP: (1011): sending packet to 2001: DB8::2 my_port 500 peer_port 500 (R) MM_KEY_EXCH',
      '*Sep 21 08:33:43.425: ISAKMP (1011): received packet from 2001: DB8::2 dport 500 sport 500 Global (R) MM_KEY_EXCH',
      '*Sep 21 08:33:43.425: ISAKMP: (1011): sending packet to 2001: DB8::2 my_port 500 peer_port 500 (R) MM_KEY_EXCH',
    ].join('\n');
    const a = analyze([{ name: 'x', text }]);
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n.role).toBe('responder');
    expect(n.phase1.messages.map((m) => [m.name, m.from, m.dir])).toEqual([
      ['MM1', 'initiator', 'in'],
      ['MM2', 'responder', 'out'],
      ['MM3', 'initiator', 'in'],
      ['MM4', 'responder', 'out'],
      ['MM5', 'initiator', 'in'],
      ['MM6', 'responder', 'out'],
    ]);
  });

  test('an informational DELETE after phase 1 is not a Main Mode message (corpus 08)', () => {
    const text = [
      '- Mar 1 00:55:41.659: ISAKMP (0:2): Old State = IKE_I_MM6 New State = IKE_P1_COMPLETE',
      '- Mar 1 00:55:41.659: ISAKMP (0:2): received packet from 13.1.1.3 dport 500 sport 500 Global (I) MM_KEY_EXCH',
      '- Mar 1 00:55:41.663: ISAKMP: set new node -1323939639 to QM_IDLE',
      '- Mar 1 00:55:41.663: ISAKMP (0:2): processing HASH payload. message ID = -1323939639',
      '- Mar 1 00:55:41.667: ISAKMP (0:2): processing DELETE payload. message ID = -1323939639',
    ].join('\n');
    const n = analyze([{ name: 'x', text }]).negotiations[0]!;
    expect(n.informational.map((m) => [m.name, m.messageId])).toEqual([['DELETE', 2971027657]]);
    expect(n.phase2).toEqual([]);
  });
});

describe('dead peer detection', () => {
  test('R-U-THERE out and its ACK in are DPD messages, not Quick Mode', () => {
    const text = [
      '*Oct 25 18:53:16.538: ISAKMP: (1001):Old State = IKE_I_MM6  New State = IKE_P1_COMPLETE ',
      '*Oct 25 18:54:26.100: ISAKMP: set new node -1497889318 to QM_IDLE',
      '*Oct 25 18:54:26.100: ISAKMP:(1001):Sending NOTIFY DPD/R_U_THERE protocol 1',
      '        spi 1880250032, message ID = -1497889318',
      '*Oct 25 18:54:26.100: ISAKMP:(1001): seq. no 0x3A66F0FD',
      '*Oct 25 18:54:26.100: ISAKMP:(1001): sending packet to 203.0.113.1 my_port 500 peer_port 500 (I) QM_IDLE',
      '*Oct 25 18:54:26.100: ISAKMP:(1001):Sending an IKE IPv4 Packet.',
      '*Oct 25 18:54:26.100: ISAKMP:(1001):purging node -1497889318',
      '*Oct 25 18:54:26.104: ISAKMP (1001): received packet from 203.0.113.1 dport 500 sport 500 Global (I) QM_IDLE',
      '*Oct 25 18:54:26.104: ISAKMP: set new node 1512987371 to QM_IDLE',
      '*Oct 25 18:54:26.104: ISAKMP:(1001): processing HASH payload. message ID = 1512987371',
      '*Oct 25 18:54:26.104: ISAKMP:(1001): processing NOTIFY DPD/R_U_THERE_ACK protocol 1',
      '        spi 0, message ID = 1512987371, sa = 0x8000730939974E40',
      '*Oct 25 18:54:26.104: ISAKMP:(1001): DPD/R_U_THERE_ACK received from peer 203.0.113.1, sequence 0x3A66F0FD',
      '*Oct 25 18:54:26.104: ISAKMP:(1001):deleting node 1512987371 error FALSE reason "Informational (in) state 1"',
    ].join('\n');
    const a = analyze([{ name: 'x', text }]);
    expect(a.input.unrecognized).toEqual([]);
    const n = a.negotiations[0]!;
    expect(n.phase2).toEqual([]);
    expect(n.informational.map((m) => [m.name, m.dir, m.messageId])).toEqual([
      ['DPD', 'out', 2797077978],
      ['DPD', 'in', 1512987371],
    ]);
  });
});

describe('failures', () => {
  test('a responder refuses Quick Mode: phase 2 failed, PROPOSAL_NOT_CHOSEN sent, evidence kept', () => {
    const text = [
      'ISAKMP:(1001):Old State = IKE_R_MM5  New State = IKE_P1_COMPLETE',
      'ISAKMP (1001): received packet from 10.0.0.1 dport 500 sport 500 Global (R) QM_IDLE',
      'ISAKMP: set new node 123456 to QM_IDLE',
      'ISAKMP:(1001): processing HASH payload. message ID = 123456',
      'ISAKMP:(1001): processing SA payload. message ID = 123456',
      'ISAKMP:(1001):Checking IPSec proposal 1',
      'ISAKMP: transform 1, ESP_AES',
      'ISAKMP:   attributes in transform:',
      'ISAKMP:      encaps is 1 (Tunnel)',
      'ISAKMP:(1001):atts are acceptable.',
      'IPSEC(validate_proposal_request): proposal part #1,',
      '  (key eng. msg.) INBOUND local= 10.0.0.2:0, remote= 10.0.0.1:0,',
      '    local_proxy= 192.168.2.0/255.255.255.0/256/0,',
      '    remote_proxy= 192.168.9.0/255.255.255.0/256/0,',
      'IPSEC(ipsec_process_proposal): proxy identities not supported',
      'ISAKMP:(1001): IPSec policy invalidated proposal with error 32',
      'ISAKMP:(1001): phase 2 SA policy not acceptable! (local 10.0.0.2 remote 10.0.0.1)',
      'ISAKMP: set new node 1781640011 to QM_IDLE',
      'ISAKMP:(1001):Sending NOTIFY PROPOSAL_NOT_CHOSEN protocol 3',
      '        spi 2249594808, message ID = 1781640011',
      'ISAKMP:(1001): sending packet to 10.0.0.1 my_port 500 peer_port 500 (R) QM_IDLE',
      'ISAKMP:(1001):Sending an IKE IPv4 Packet.',
      'ISAKMP:(1001):purging node 1781640011',
      'ISAKMP:(1001):deleting node 123456 error TRUE reason "QM rejected"',
      'ISAKMP:(1001):Node 123456, Input = IKE_MESG_FROM_PEER, IKE_QM_EXCH',
      'ISAKMP:(1001):Old State = IKE_QM_READY  New State = IKE_QM_READY',
    ].join('\n');
    const a = analyze([{ name: 'x', text }]);
    expect(a.input.unrecognized).toEqual([]);
    expect(a.negotiations).toHaveLength(1);
    const n = a.negotiations[0]!;
    expect(n).toMatchObject({ role: 'responder', local: '10.0.0.2', peer: '10.0.0.1' });
    expect(n.phase2.map((p) => [p.messageId, p.outcome, p.messages.map((m) => m.name)])).toEqual([[123456, 'failed', ['QM1']]]);
    expect(n.phase2[0]?.proxies).toEqual({ local: '192.168.2.0/255.255.255.0/256/0', remote: '192.168.9.0/255.255.255.0/256/0' });
    expect(n.informational.map((m) => [m.name, m.dir, m.messageId])).toEqual([['NOTIFY', 'out', 1781640011]]);
    const refusals = new Set(['ipsec-rejected', 'p2-rejected', 'notify']);
    expect(n.evidence.filter((e) => refusals.has(e.type)).map((e) => e.type)).toEqual(['ipsec-rejected', 'p2-rejected', 'p2-rejected', 'notify']);
    expect(n.evidence.find((e) => e.type === 'ipsec-rejected')).toMatchObject({ reason: 'proxy' });
  });

  test('PSK mismatch seen by the initiator: MM5 resent, then death by retransmission', () => {
    const text = [
      'ISAKMP:(1001):Old State = IKE_I_MM4  New State = IKE_I_MM5',
      'ISAKMP:(1001): sending packet to 10.0.0.2 my_port 500 peer_port 500 (I) MM_KEY_EXCH',
      'ISAKMP:(1001): retransmitting phase 1 MM_KEY_EXCH...',
      'ISAKMP:(1001):incrementing error counter on sa, attempt 1 of 5: retransmit phase 1',
      'ISAKMP:(1001): sending packet to 10.0.0.2 my_port 500 peer_port 500 (I) MM_KEY_EXCH',
      'ISAKMP:(1001): retransmitting phase 1 MM_KEY_EXCH...',
      'ISAKMP:(1001):incrementing error counter on sa, attempt 2 of 5: retransmit phase 1',
      'ISAKMP:(1001): sending packet to 10.0.0.2 my_port 500 peer_port 500 (I) MM_KEY_EXCH',
      'ISAKMP:(1001):deleting SA reason "Death by retransmission P1" state (I) MM_KEY_EXCH (peer 10.0.0.2)',
    ].join('\n');
    const n = analyze([{ name: 'x', text }]).negotiations[0]!;
    expect(n.phase1.outcome).toBe('failed');
    expect(n.phase1.messages.map((m) => [m.name, m.attempt, m.retransmission])).toEqual([
      ['MM5', 1, false],
      ['MM5', 2, true],
      ['MM5', 3, true],
    ]);
    expect(n.evidence.filter((e) => e.type === 'retransmit').map((e) => (e.type === 'retransmit' ? e.attempt : null))).toEqual([null, 1, null, 2]);
  });
});

/** A responder refusing MM1 (corpus README: `phase 1 SA policy not acceptable!`), at `seconds` past the minute. */
function refusedMm1(peer: string, seconds: number): string[] {
  const at = `*Oct 25 18:${String(53 + Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}.004: `;
  return [
    `${at}ISAKMP-PAK: (0):received packet from ${peer} dport 500 sport 500 Global (N) NEW SA`,
    `${at}ISAKMP: (0):Input = IKE_MESG_FROM_PEER, IKE_MM_EXCH`,
    `${at}ISAKMP: (0):Old State = IKE_READY  New State = IKE_R_MM1 `,
    `${at}ISAKMP: (0):processing SA payload. message ID = 0`,
    `${at}ISAKMP: (0):Checking ISAKMP transform 1 against priority 10 policy`,
    `${at}ISAKMP: (0):Proposed key length does not match policy`,
    `${at}ISAKMP: (0):atts are not acceptable. Next payload is 0`,
    `${at}ISAKMP: (0):no offers accepted!`,
    `${at}ISAKMP: (0):phase 1 SA policy not acceptable! (local 10.0.0.1 remote ${peer})`,
    `${at}ISAKMP: (0):sending NOTIFY NO_PROPOSAL_CHOSEN protocol 1`,
    `${at}ISAKMP-PAK: (0):sending packet to ${peer} my_port 500 peer_port 500 (R) MM_NO_STATE`,
    `${at}ISAKMP: (0):deleting SA reason "Phase1 SA policy proposal not accepted" state (R) MM_NO_STATE (peer ${peer})`,
    `${at}ISAKMP: (0):Input = IKE_MESG_INTERNAL, IKE_PHASE1_DEL`,
    `${at}ISAKMP: (0):Old State = IKE_R_MM1  New State = IKE_DEST_SA `,
  ];
}

describe('a responder refusing a resent MM1', () => {
  const cases: { name: string; times: number[]; negotiations: string[][] }[] = [
    { name: 'resends 10 s apart are one negotiation', times: [0, 10, 20], negotiations: [['MM1', 'MM1*', 'MM1*']] },
    { name: 'a minute later it is a new attempt', times: [0, 10, 70], negotiations: [['MM1', 'MM1*'], ['MM1']] },
    { name: 'IOS sends MM1 six times at most: a seventh opens a new negotiation', times: [0, 5, 10, 15, 20, 25, 30], negotiations: [['MM1', ...Array<string>(5).fill('MM1*')], ['MM1']] },
    { name: 'another peer is another negotiation', times: [0], negotiations: [['MM1'], ['MM1']] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const lines = c.times.flatMap((t) => refusedMm1('10.0.0.2', t));
      if (c.name.startsWith('another')) lines.push(...refusedMm1('10.0.0.3', 1));
      const a = analyze([{ name: 'x', text: lines.join('\n') }]);
      expect(names(lines.join('\n'))).toEqual(c.negotiations);
      for (const n of a.negotiations) {
        expect(n.role).toBe('responder');
        expect(n.phase1.outcome).toBe('failed');
        // each refusal is an informational NOTIFY, not an MM2
        expect(n.informational.map((m) => m.name)).toEqual(n.phase1.messages.map(() => 'NOTIFY'));
      }
    });
  }
});

describe('a duplicate is named after what it repeats, not after the state it arrives in', () => {
  // The initiator has sent MM5 (its SA is in MM_KEY_EXCH) when the responder, which could not read MM5,
  // resends MM4: IOS prints the packet in the receiver's state, then calls it a duplicate.
  const lines = [
    ...goodStart('10.0.0.2', 1001, 0),
    `${stamp(0)}ISAKMP: (1001):Sending an IKE IPv4 Packet.`,
    `${stamp(1)}ISAKMP: (1001):retransmitting phase 1 MM_KEY_EXCH...`,
    `${stamp(1)}ISAKMP-PAK: (1001):sending packet to 10.0.0.2 my_port 500 peer_port 500 (I) MM_KEY_EXCH`,
    `${stamp(1)}ISAKMP-PAK: (1001):received packet from 10.0.0.2 dport 500 sport 500 Global (I) MM_KEY_EXCH`,
    `${stamp(1)}ISAKMP: (1001):phase 1 packet is a duplicate of a previous packet.`,
  ];
  test('the resent MM4 is MM4 again, and the initiator\'s resend is MM5 again', () => {
    expect(names(lines.join('\n'))).toEqual([['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM5*', 'MM4*']]);
  });
});

describe("a refusal's closing line", () => {
  test('names the peer of the attempt the refusal lines before it failed (corpus 10, the refusal pasted alone)', () => {
    const corpus10 = readFileSync('fixtures/corpus/10-p1-keylength-mismatch-and-p2-transform-mismatch-transcribed.log', 'utf8');
    const refusal = corpus10.split('\n').filter((l) => l.trimStart().startsWith('ISAKMP-ERROR: (0):')).slice(0, 4).join('\n');
    const { negotiations } = analyze([{ name: 'refusal.log', text: refusal }]);
    expect(negotiations.map((n) => [n.local, n.peer, n.phase1.outcome])).toEqual([['25.2.2.2', '15.1.1.1', 'failed']]);
  });
});
