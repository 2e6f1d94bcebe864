import { describe, expect, test } from 'vitest';
import type { LineKind } from '../ike/line-kinds.ts';
import { readLog } from './read-log.ts';
import { timeOf } from './record-table.ts';

/** Each case: real lines (corpus/seed) and the kind every line must get. */
const cases: { name: string; lines: string[]; kinds: LineKind[] }[] = [
  {
    name: 'debug records of every facility',
    lines: [
      '*Oct 25 18:53:16.485: ISAKMP-PAK: (0):sending packet to 203.0.113.1 my_port 500 peer_port 500 (I) MM_NO_STATE',
      '*Oct 25 18:50:01.497: ISAKMP-ERROR: (0):No pre-shared key with 203.0.113.1! <-- This is the error',
      '- Mar 1 00:55:41.663: ISAKMP: set new node -1323939639 to QM_IDLE',
      '*Sep 21 08:33:43.437: IPSEC(key_engine): got a queue event with 1 KMI message(s)',
      '*Mar  1 00:42:09.431: %CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from 192.1.20.2 failed its sanity check or is malformed',
      '*Sep 21 08:33:43.437: %LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel23, changed state to up',
    ],
    kinds: ['debug', 'debug', 'debug', 'debug', 'debug', 'debug'],
  },
  {
    name: 'ID payload block (seed: indented lines)',
    lines: [
      '*Sep 21 08:33:43.425: ISAKMP (1011): ID payload',
      '',
      '        next-payload : 8',
      '',
      '        type         : 5',
      '',
      '        address      : 2001: DB8::2',
      '',
      '        protocol     : 17',
      '',
      '        port         : 500',
      '',
      '        length       : 24',
    ],
    kinds: ['debug', 'blank', 'continuation', 'blank', 'continuation', 'blank', 'continuation', 'blank', 'continuation', 'blank', 'continuation', 'blank', 'continuation'],
  },
  {
    name: 'ID payload block with prefixed fields (corpus 01)',
    lines: [
      '*Oct 25 18:53:16.531: ISAKMP: (1001):ID payload ',
      '        next-payload : 8',
      '        type         : 1',
      '*Oct 25 18:53:16.531: ISAKMP: (1001):   address      : 203.0.113.10',
      '*Oct 25 18:53:16.531: ISAKMP: (1001):   protocol     : 17 ',
      '        port         : 500 ',
      '        length       : 12',
      '*Oct 25 18:53:16.531: ISAKMP: (1001):Total payload length: 12',
    ],
    kinds: ['debug', 'continuation', 'continuation', 'continuation', 'continuation', 'continuation', 'continuation', 'debug'],
  },
  {
    name: 'IPSEC(create_sa) block and SA authentication status (seed)',
    lines: [
      '*Sep 21 08:33:43.437: IPSEC(create_sa): sa created,',
      '  (sa) sa_dest= 2001: DB8::3, sa_proto= 50,',
      '    sa_spi= 0x221A7153(572158291),',
      '    sa_trans= esp-aes esp-sha-hmac , sa_conn_id= 305',
      '    sa_lifetime(k/sec)= (4608000/3532)',
      '*Sep 21 08:33:43.425: ISAKMP: (1011): SA authentication status:',
      '        authenticated',
    ],
    kinds: ['debug', 'continuation', 'continuation', 'continuation', 'continuation', 'debug', 'continuation'],
  },
  {
    name: 'NOTIFY spi line and initial contact (seed)',
    lines: [
      '*Sep 21 08:33:43.425: ISAKMP: (1011): processing NOTIFY INITIAL_CONTACT protocol 1',
      '        spi 0, message ID = 0, sa = 0x6D12A00',
      '*Sep 21 08:33:43.425: ISAKMP: (1011): Process initial contact,',
      "bring down existing phase 1 and 2 SA's with local 2001: DB8::3 remote 2001: DB8::2 remote port 500",
    ],
    kinds: ['debug', 'continuation', 'debug', 'continuation'],
  },
  {
    name: 'transform not supported for identity, wrapped (corpus 18)',
    lines: ['Apr 20 11:06:55: IPSEC(ipsec_process_proposal): transform proposal not supported for identity: ', '    {esp-aes 256 esp-sha512-hmac }'],
    kinds: ['debug', 'continuation'],
  },
  {
    name: 'debug line split by ping output and a prompt (corpus 06)',
    lines: ['ISAKMP: (0):Sending an IKE .!!!!', 'Success rate is 80 percent (4/5), round-trip min/avg/max = 16/17/20 ms', 'SITE-A#IPv4 Packet.'],
    kinds: ['debug', 'prose', 'continuation'],
  },
  {
    name: 'timestamp split by ping output and a prompt (corpus 08)',
    lines: ['> - M.!!!!', '> ', '> Success rate is 80 percent (4/5), round-trip min/avg/max = 12/12/12 ms', '> ', '> R2#ar 1 00:55:40.971: ISAKMP (0:2): vendor ID seems Unity/DPD but major 245 mismatch'],
    kinds: ['debug', 'blank', 'prose', 'blank', 'continuation'],
  },
  {
    name: 'prompts and typed commands',
    lines: ['R3(config-if)#', 'spoke1#ping 192.168.0.1 source 192.168.1.1', 'HQ#clear crypto sa', 'sh crypto ipsec sa'],
    kinds: ['prompt', 'prompt', 'prompt', 'prompt'],
  },
  {
    name: 'show crypto isakmp sa (corpus 01)',
    lines: ['spoke1#show crypto isakmp sa', 'IPv4 Crypto ISAKMP SA', 'dst             src             state          conn-id status', '203.0.113.1     203.0.113.10    QM_IDLE           1001 ACTIVE', '', 'IPv6 Crypto ISAKMP SA', '', 'spoke1#'],
    kinds: ['prompt', 'show', 'show', 'show', 'blank', 'show', 'blank', 'prompt'],
  },
  {
    name: 'show crypto ipsec sa ends at prose (seed)',
    lines: ['R2(config-if)#do sh crypto ipsec sa | i caps|ident', '   local  ident (addr/mask/prot/port): (::/0/0/0)', '    #pkts encaps: 9, #pkts encrypt: 9, #pkts digest: 9', 'Tunnel is up and passing traffic.'],
    kinds: ['prompt', 'show', 'show', 'prose'],
  },
  {
    name: 'prose, ping output, blank',
    lines: ['Main Mode message 1 (MM1)', 'Type escape sequence to abort.', '!!!!!', '   ', '', 'x'],
    kinds: ['prose', 'prose', 'prose', 'blank', 'blank', 'prose'],
  },
  {
    name: 'unrecognized debug: cut-off line and bare timestamp (corpus 13, 18)',
    lines: ['00:27:07: ISAKMP (0', 'Apr 20 11:06:55:', '*Mar 21 19:14:29.463: ISAKMP: (0):frobnicating the widget', 'after'],
    kinds: ['unrecognized', 'unrecognized', 'unrecognized', 'prose'],
  },
  {
    name: 'the paste cut off in the middle of its last record (corpus 13)',
    lines: ['00:27:07: ISAKMP (0:2): SA is doing pre-shared key authentication using id type ID_IPV4_ADDR', '00:27:07: ISAKMP (0', '', ''],
    kinds: ['debug', 'truncated', 'blank'],
  },
  {
    name: 'a bare timestamp the paste ends with (corpus 18)',
    lines: ['Apr 20 11:06:55: ISAKMP:(12024): IPSec policy invalidated proposal with error 256', 'Apr 20 11:06:55:'],
    kinds: ['debug', 'truncated'],
  },
  {
    name: "the CLI's answer to a mistyped command is not IKE output (corpus 24)",
    lines: ["% Invalid input detected at '^' marker."],
    kinds: ['prose'],
  },
  {
    name: 'line wrapped at 80 columns continues on the next line',
    lines: ['*Mar 21 19:14:29.447: ISAKMP:(0):found peer pre-shared key matching 213.100.24.7', '5'],
    kinds: ['debug', 'continuation'],
  },
];

describe('readLog line kinds', () => {
  for (const c of cases) {
    test(c.name, () => {
      const r = readLog(c.lines.join('\n'));
      expect(r.kinds).toEqual(c.kinds);
      // every debug/continuation line points at a record; prose and blank lines at none
      r.kinds.forEach((k, i) => {
        const rec = r.lineRecords[i] ?? -1;
        if (k === 'debug' || k === 'continuation' || k === 'unrecognized') expect(rec).toBeGreaterThanOrEqual(0);
        if (k === 'prose' || k === 'blank') expect(rec).toBe(-1);
      });
    });
  }

  test('the 80-column wrap is joined into one address', () => {
    const r = readLog('*Mar 21 19:14:29.447: ISAKMP:(0):found peer pre-shared key matching 213.100.24.7\n5');
    expect(r.events.find((e) => e.type === 'psk')).toMatchObject({ found: true, peer: '213.100.24.75' });
  });

  test('a wrap re-joined with a space inside a token is repaired (corpus 14)', () => {
    const r = readLog('- *Mar 21 19:14:29.451: ISAKMP:(0): sending packet to 213.100.24.75 my_port 500 pe er_port 500 (I) MM_NO_STATE');
    expect(r.events[0]).toMatchObject({ type: 'packet', dir: 'out', peer: '213.100.24.75', peerPort: 500, role: 'I', state: 'MM_NO_STATE' });
  });

  test('unrecognized lines are listed, prose is not', () => {
    const r = readLog('Main Mode message 1\n00:27:07: ISAKMP (0\nafter\n');
    expect(r.unrecognized).toEqual([{ file: 0, line: 2 }]);
  });

  test("each record keeps its first line's time of day, and none when the line had no clock", () => {
    const r = readLog(
      [
        '*Oct 25 18:53:16.489: ISAKMP-PAK: (0):received packet from 203.0.113.1 dport 500 sport 500 Global (I) MM_NO_STATE',
        'Oct 12 14:25:33.123: ISAKMP: (0):Old State = IKE_I_MM1  New State = IKE_I_MM2',
        '000123: *Mar  1 00:00:19.047: ISAKMP: (0):beginning Main Mode exchange',
        'ISAKMP: (0):beginning Main Mode exchange',
      ].join('\n'),
    );
    const times = r.lineRecords.map((record) => timeOf(r.records, record));
    expect(times).toEqual([(18 * 3600 + 53 * 60 + 16) * 1000 + 489, (14 * 3600 + 25 * 60 + 33) * 1000 + 123, 19_047, null]);
  });
});

describe('a line is read by its message, whatever is around it', () => {
  // hand-written: the new-user trial (a ping's "." printed after a line of exactly 80 characters, the
  // wrapped-line width); the state line itself is the corpus wording
  const mm5 = '*Mar  1 00:13:31.891: ISAKMP:(1001):Old State = IKE_I_MM4  New State = IKE_I_MM5';
  test('a ping dot after an 80-column line is not the rest of it, and the state change is kept', () => {
    expect(mm5.length).toBe(80);
    const r = readLog([mm5, '.', '*Mar  1 00:13:31.899: ISAKMP:(1001): sending packet to 202.100.1.2 my_port 500 peer_port 500 (I) MM_KEY_EXCH'].join('\n'));
    expect(r.kinds).toEqual(['debug', 'prose', 'debug']);
    expect(r.unrecognized).toEqual([]);
    expect(r.events.find((e) => e.type === 'fsm-state')).toMatchObject({ from: 'IKE_I_MM4', to: 'IKE_I_MM5' });
  });

  // hand-written: a prompt the debug output was printed after, on the same line (terminal monitor output)
  test('a debug line glued to a prompt is read, and the prompt names the router', () => {
    const r = readLog('R1#*Mar  1 00:13:31.899: ISAKMP:(1001):beginning Quick Mode exchange, M-ID of 1234567');
    expect(r.unrecognized).toEqual([]);
    expect(r.events.map((e) => e.type)).toEqual(['prompt', 'begin']);
    expect(r.events[0]).toMatchObject({ name: 'R1' });
    expect(r.kinds).toEqual(['debug']);
  });

  test("an author's notes in parentheses leave the IPSEC block read (corpus 20)", () => {
    const r = readLog(
      [
        '*Mar  1 00:13:31.891: IPSEC(sa_request): ,',
        '(key eng. msg.) OUTBOUND local= 202.100.1.1, remote= 202.100.1.2,( 加密點)',
        'local_proxy= 1.1.1.1/255.255.255.255/0/0 (type=1), ',
        ' remote_proxy= 2.2.2.2/255.255.255.255/0/0 (type=1),  (感興趣流-ProxyID)',
      ].join('\n'),
    );
    expect(r.kinds).toEqual(['debug', 'continuation', 'continuation', 'continuation']);
    expect(r.events[0]).toMatchObject({ type: 'ipsec-request', localProxy: '1.1.1.1/255.255.255.255/0/0', remoteProxy: '2.2.2.2/255.255.255.255/0/0' });
  });
});
