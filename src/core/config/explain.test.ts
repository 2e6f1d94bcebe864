import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { effectiveConfigFromText } from './effective.ts';
import { explainObserved, type Observed } from './explain.ts';
import { transformFromLog } from './observed.ts';

const root = new URL('../../../fixtures/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const corpus = (prefix: string) => {
  const name = readdirSync(new URL('corpus/', root)).find((f) => f.startsWith(prefix) && f.endsWith('.config.txt'));
  if (!name) throw new Error(`no corpus config ${prefix}`);
  return read(`corpus/${name}`);
};

const seedR2 = read('configs/seed-R2.config.txt');
const seedR3 = read('configs/seed-R3.config.txt');
const mapTransport = [
  'crypto ipsec transform-set T esp-aes esp-sha-hmac', // 1
  ' mode transport', //                                   2
  'crypto map M 10 ipsec-isakmp', //                      3
  ' set peer 10.0.0.2', //                                4
  ' set transform-set T', //                              5
  ' match address 101', //                                6
  'access-list 101 permit ip 192.168.1.0 0.0.0.255 192.168.2.0 0.0.0.255', // 7
].join('\n');

describe('explanations of observed values', () => {
  const cases: { name: string; text: string; router?: string; observed: Observed; agrees: boolean; says: string; lines: number[] }[] = [
    {
      // The seed's own puzzle: `mode transport` in the transform set, "encaps is 1 (Tunnel)" in QM1.
      name: 'seed R2: tunnel mode on a VTI despite mode transport',
      text: seedR2,
      observed: { peer: '2001: DB8::3', encapsulation: 'tunnel' },
      agrees: true,
      says: 'static VTI',
      lines: [11, 28],
    },
    { name: 'seed R3: the same on the responder', text: seedR3, observed: { peer: '2001:DB8::2', encapsulation: 'tunnel' }, agrees: true, says: 'always negotiates tunnel mode', lines: [11, 27] },
    {
      name: "seed R2: MM1's DES/SHA/group 1/86400 is policy 10 with its defaults",
      text: seedR2,
      observed: { proposal: { encryption: 'DES-CBC', hash: 'SHA', group: 1, auth: 'pre-share', lifetimeSeconds: 86400 } },
      agrees: true,
      says: 'DES (IOS default), SHA (IOS default), group 1 (IOS default), pre-share, 86400 s (IOS default)',
      lines: [1, 3],
    },
    {
      name: 'seed R2: a lifetime that differs still agrees (the shorter is used)',
      text: seedR2,
      observed: { proposal: { encryption: 'DES', hash: 'SHA', group: 1, auth: 'pre-share', lifetimeSeconds: 3600 } },
      agrees: true,
      says: 'the shorter one is used',
      lines: [1, 3],
    },
    {
      name: 'corpus 10 R1 (after the fix): an AES 192 proposal matches no policy',
      text: corpus('10-'),
      router: 'R1',
      observed: { proposal: { encryption: 'AES-CBC', keyLength: 192, hash: 'SHA256', group: 5, auth: 'pre-share' } },
      agrees: false,
      says: 'key length 256 vs 192',
      lines: [7],
    },
    { name: 'seed R2: the transform is TRA', text: seedR2, observed: { transform: 'esp-aes esp-sha-hmac' }, agrees: true, says: 'Transform set TRA', lines: [9, 16] },
    { name: 'seed R2: a foreign transform', text: seedR2, observed: { transform: 'esp-3des esp-md5-hmac' }, agrees: false, says: 'P2_TRANSFORM_MISMATCH', lines: [9, 16] },
    {
      name: 'corpus 13: the excerpt transform set is compared even without a crypto map',
      text: corpus('13-'),
      observed: { transform: 'esp-des esp-md5-hmac' },
      agrees: false,
      says: 'ah-md5-hmac esp-des',
      lines: [9],
    },
    { name: 'seed R2: no PFS on either side', text: seedR2, observed: { pfsGroup: null }, agrees: true, says: 'No PFS', lines: [14] },
    { name: 'seed R2: PFS from the peer is accepted', text: seedR2, observed: { pfsGroup: 14 }, agrees: true, says: 'accepts it', lines: [14] },
    { name: 'corpus 10 R1: PFS required but absent', text: corpus('10-'), router: 'R1', observed: { pfsGroup: null }, agrees: false, says: 'P2_PFS_MISMATCH', lines: [91] },
    { name: 'seed R2: SA lifetime 3532 s is below 3600 s', text: seedR2, observed: { saLifetimeSeconds: 3532 }, agrees: true, says: 'the shorter one', lines: [14] },
    {
      name: 'crypto map, mode transport, ordinary traffic: IOS falls back to tunnel',
      text: mapTransport,
      observed: { peer: '10.0.0.2', encapsulation: 'tunnel' },
      agrees: true,
      says: 'falls back to tunnel mode',
      lines: [2, 6],
    },
    {
      name: 'crypto map, mode transport require: tunnel cannot come from it',
      text: mapTransport.replace(' mode transport', ' mode transport require'),
      observed: { encapsulation: 'tunnel' },
      agrees: false,
      says: 'require',
      lines: [2, 6],
    },
    {
      name: 'corpus 20: transport seen with a default tunnel-mode set: the peer asked for it',
      text: corpus('20-'),
      observed: { encapsulation: 'transport' },
      agrees: true,
      says: '(the IOS default)',
      lines: [10, 14],
    },
    {
      name: 'corpus 01 hub: Tunnel-UDP is NAT-T',
      text: corpus('01-'),
      router: 'Hub-RTR',
      observed: { peer: '203.0.113.30', encapsulation: 'tunnel-udp' },
      agrees: true,
      says: 'NAT-T',
      lines: [22, 65, 67],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const cfg = effectiveConfigFromText(c.text, c.router ? { router: c.router } : {});
      const [e, ...rest] = explainObserved(cfg, c.observed);
      expect(rest).toEqual([]);
      expect(e?.agrees).toBe(c.agrees);
      expect(e?.summary).toContain(c.says);
      expect(e?.lines).toEqual(c.lines);
    });
  }

  test('several observed values give one explanation each, in a fixed order', () => {
    const cfg = effectiveConfigFromText(seedR2);
    const topics = explainObserved(cfg, { encapsulation: 'tunnel', transform: 'esp-aes esp-sha-hmac', pfsGroup: null, saLifetimeSeconds: 3600, proposal: { encryption: 'DES' } });
    expect(topics.map((t) => t.topic)).toEqual(['encryption', 'encapsulation', 'transform', 'pfs', 'sa-lifetime']);
  });
});

describe("the seed's own debug lines against its configs", () => {
  const seed = read('seed/ios-ikev1-main-mode-debugs.txt').split('\n');
  /** The value after `label` on seed line `n` (1-based), as printed. */
  const at = (n: number, label: RegExp) => {
    const m = label.exec(seed[n - 1] ?? '');
    if (!m?.[1]) throw new Error(`seed line ${n} does not match ${String(label)}: ${seed[n - 1] ?? ''}`);
    return m[1];
  };
  // R3 receiving R2's MM1 (lines 182-192) and QM1 (lines 395-409).
  const cases = [
    { router: 'R3', config: seedR3, peer: '2001:DB8::2', mm1: 182, qm1: 395 },
    { router: 'R2', config: seedR2, peer: '2001:DB8::3', mm1: 635, qm1: 874 },
  ];
  for (const c of cases) {
    test(`${c.router}: MM1's proposal is policy 10 with IOS defaults; QM1's Tunnel encapsulation is the VTI's`, () => {
      const proposal = {
        encryption: at(c.mm1, /encryption (\S+)$/),
        hash: at(c.mm1 + 2, /hash (\S+)$/),
        group: Number(at(c.mm1 + 4, /default group (\d+)$/)),
        auth: at(c.mm1 + 6, /auth (\S+)$/),
        lifetimeSeconds: parseInt(at(c.mm1 + 10, /life duration \(VPI\) of {2}(0x.+)$/).split(' ').map((b) => b.slice(2).padStart(2, '0')).join(''), 16),
      };
      expect(proposal).toEqual({ encryption: 'DES-CBC', hash: 'SHA', group: 1, auth: 'pre-share', lifetimeSeconds: 86400 });
      const encapsulation = at(c.qm1 + 4, /encaps is \d \((\w+)\)$/).toLowerCase();
      const transform = transformFromLog(at(c.qm1, /transform 1, (\w+)$/), null, at(c.qm1 + 14, /authenticator is (\S+)$/));
      const cfg = effectiveConfigFromText(c.config);
      const [p1, encaps, ts] = explainObserved(cfg, { peer: c.peer, proposal, encapsulation: encapsulation === 'tunnel' ? 'tunnel' : 'transport', transform });
      expect(p1).toMatchObject({ topic: 'encryption', agrees: true, lines: [1, 3] });
      expect(p1?.summary).toContain('policy 10: DES (IOS default), SHA (IOS default), group 1 (IOS default), pre-share, 86400 s (IOS default)');
      expect(encaps).toMatchObject({ topic: 'encapsulation', agrees: true });
      expect(encaps?.summary).toContain("The transform set says 'mode transport'");
      expect(ts).toMatchObject({ topic: 'transform', agrees: true, summary: 'Transform set TRA (esp-aes esp-sha-hmac).' });
    });
  }

  const logTransforms: [string, number | null, string | null, string | null][] = [
    ['ESP_AES', null, 'HMAC-SHA', 'esp-aes esp-sha-hmac'],
    ['ESP_AES', 256, 'HMAC-SHA256', 'esp-aes 256 esp-sha256-hmac'],
    ['ESP_AES', 128, 'HMAC-MD5', 'esp-aes esp-md5-hmac'],
    ['ESP_3DES', null, null, 'esp-3des'],
    ['ESP_FOO', null, 'HMAC-SHA', null],
  ];
  for (const [cipher, keyLength, auth, expected] of logTransforms) {
    test(`transformFromLog ${cipher} ${keyLength ?? ''} ${auth ?? ''}`, () => expect(transformFromLog(cipher, keyLength, auth)).toBe(expected));
  }
});
