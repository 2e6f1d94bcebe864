import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseConfig } from './parse.ts';
import { splitLines } from './lines.ts';

const root = new URL('../../../fixtures/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const corpus = (prefix: string) => {
  const name = readdirSync(new URL('corpus/', root)).find((f) => f.startsWith(prefix) && f.endsWith('.config.txt'));
  if (!name) throw new Error(`no corpus config ${prefix}`);
  return read(`corpus/${name}`);
};

describe('seed configs', () => {
  const cases = [
    { file: 'configs/seed-R2.config.txt', destination: '2001: DB8::3', lines: 32, iface: 20 },
    { file: 'configs/seed-R3.config.txt', destination: '2001: DB8::2', lines: 31, iface: 19 },
  ];
  for (const c of cases) {
    test(`${c.file}: every line kept, every command understood`, () => {
      const text = read(c.file);
      const parsed = parseConfig(text);
      expect(parsed.lines).toHaveLength(c.lines);
      expect(parsed.lines.map((l) => l.raw).join('\n') + '\n').toBe(text);
      expect(parsed.lines.filter((l) => l.kind === 'unrecognized')).toEqual([]);
      const kinds = parsed.statements.map((s) => `${s.line}:${s.kind}`);
      expect(kinds.slice(0, 6)).toEqual(['1:isakmp-policy', '3:policy-auth', '6:isakmp-key', '9:transform-set', '11:transform-mode', '14:ipsec-profile']);
      // Sub-commands hang off their headers although the seed has no indentation and blank lines between.
      expect(parsed.statements.find((s) => s.kind === 'policy-auth')?.section).toBe(1);
      expect(parsed.statements.find((s) => s.kind === 'transform-mode')?.section).toBe(9);
      const dest = parsed.statements.find((s) => s.kind === 'tunnel-destination');
      expect(dest && dest.kind === 'tunnel-destination' ? dest.address : null).toBe(c.destination.replace(' ', ''));
      expect(dest?.section).toBe(c.iface);
    });
  }
});

describe('corpus configs', () => {
  const cases: { prefix: string; routers: string[]; statements: [number, string][]; unrecognized: number[] }[] = [
    {
      prefix: '01-',
      routers: ['Hub-RTR', 'spoke1', 'spoke2'],
      statements: [[9, 'policy-encryption'], [17, 'isakmp-key'], [22, 'transform-mode'], [29, 'acl-entry'], [37, 'set-peer'], [45, 'if-crypto-map'], [55, 'isakmp-key'], [67, 'isakmp-nat-keepalive']],
      unrecognized: [36, 51],
    },
    {
      prefix: '07-',
      routers: ['ce1', 'ce2'],
      statements: [[9, 'policy-encryption'], [13, 'isakmp-key'], [24, 'match-address'], [51, 'if-crypto-map'], [55, 'acl-entry'], [59, 'hostname'], [106, 'if-crypto-map']],
      unrecognized: [27, 28, 53],
    },
    {
      prefix: '08-',
      routers: ['R2', 'R3'],
      statements: [[7, 'isakmp-policy'], [10, 'policy-encryption'], [13, 'isakmp-key'], [23, 'access-list'], [29, 'set-pfs'], [38, 'match-address']],
      unrecognized: [43],
    },
    {
      prefix: '10-',
      routers: ['R1', 'R2'],
      statements: [[8, 'policy-encryption'], [13, 'isakmp-key'], [19, 'set-pfs'], [21, 'if-crypto-map'], [42, 'policy-encryption'], [86, 'transform-set'], [98, 'if-crypto-map']],
      // The source's own typo `lieftime 5000` and `show` output are not configuration.
      unrecognized: [12, 23, 46, 82],
    },
    { prefix: '13-', routers: [], statements: [[7, 'transform-set'], [9, 'transform-set']], unrecognized: [6, 8] },
    {
      prefix: '20-',
      routers: ['R1'],
      statements: [[7, 'isakmp-policy'], [8, 'policy-auth'], [14, 'match-address'], [22, 'if-crypto-map'], [27, 'acl-entry']],
      unrecognized: [20, 21, 24],
    },
  ];
  for (const c of cases) {
    test(`corpus ${c.prefix}`, () => {
      const text = corpus(c.prefix);
      const parsed = parseConfig(text);
      expect(parsed.lines.map((l) => l.raw)).toEqual(splitLines(text));
      expect(parsed.routers).toEqual(c.routers);
      for (const [line, kind] of c.statements) expect(`${line}:${parsed.lines[line - 1]?.statement?.kind}`).toBe(`${line}:${kind}`);
      for (const line of c.unrecognized) expect(`${line}:${parsed.lines[line - 1]?.kind}`).toBe(`${line}:unrecognized`);
      // Curator headers are comments, never statements.
      for (const l of parsed.lines) if (l.raw.startsWith('#')) expect(l.kind).toBe('comment');
    });
  }

  test('08: interleaved prompts of two routers keep each router in its own section', () => {
    const parsed = parseConfig(corpus('08-'));
    const r3Auth = parsed.lines[14]?.statement;
    expect(r3Auth?.router).toBe('R3');
    expect(r3Auth?.section).toBe(14);
    const r2Group = parsed.lines[10]?.statement;
    expect(r2Group?.router).toBe('R2');
    expect(r2Group?.section).toBe(7);
  });

  test('10: a show crypto map heading is output, not a crypto map', () => {
    const parsed = parseConfig(corpus('10-'));
    expect(parsed.lines[44]?.raw.trim()).toBe('Crypto Map "Demo-MAP" 10 ipsec-isakmp');
    expect(parsed.lines[44]?.kind).toBe('unrecognized');
  });
});

describe('real IKEv1 configs (fixtures/configs/ikev1, sources in its README)', () => {
  // Each case: a line of the real config, the statement it is read as and the line of the section it belongs to.
  const cases: { file: string; line: number; kind: string; section: number | null; why: string }[] = [
    { file: 'gre-dynamic-client.cfg', line: 35, kind: 'match-address', section: 31, why: 'typed at the crypto map header column, no global command reads it' },
    { file: 'gre-dynamic-client.cfg', line: 36, kind: 'interface', section: null, why: 'the next global command still leaves the crypto map' },
    { file: 'dmvpn-spoke-spb-core1-running-config.cfg', line: 169, kind: 'exit', section: null, why: "show running-config's closing `end`" },
  ];
  test("dmvpn-spoke-spb-core1-running-config.cfg: show running-config's heading is IOS's output", () => {
    const lines = parseConfig(read('configs/ikev1/dmvpn-spoke-spb-core1-running-config.cfg')).lines;
    expect([lines[0]?.kind, lines[2]?.kind]).toEqual(['output', 'output']);
  });
  for (const c of cases) {
    test(`${c.file}:${c.line} ${c.kind} (${c.why})`, () => {
      const parsed = parseConfig(read(`configs/ikev1/${c.file}`));
      const statement = parsed.lines[c.line - 1]?.statement;
      expect({ kind: statement?.kind, section: statement?.section }).toEqual({ kind: c.kind, section: c.section });
    });
  }
});

describe('line classification', () => {
  const cases: { raw: string; kind: string; statement?: string }[] = [
    { raw: '', kind: 'blank' },
    { raw: ' ', kind: 'blank' },
    { raw: '!', kind: 'comment' },
    { raw: 'Hub-RTR(config)#! Configure isakmp key', kind: 'comment' },
    { raw: 'R1# show run | section crypto', kind: 'exec' },
    { raw: "R1(config)# do show run | section crypto", kind: 'exec' },
    { raw: '*Oct 25 19:11:29.491: %CRYPTO-6-ISAKMP_ON_OFF: ISAKMP is ON', kind: 'output' },
    { raw: '% NOTE: This new crypto map will remain disabled until a peer', kind: 'output' },
    { raw: 'crypto isakmp key abc#1 address 10.0.0.1', kind: 'statement', statement: 'isakmp-key' },
    { raw: 'Hub-RTR(cfg-crypto-trans)#mode tunnel !Should be the default', kind: 'unrecognized' },
    { raw: 'crypto isakmp policy 10 <=== note', kind: 'statement', statement: 'isakmp-policy' },
    { raw: 'crypto isakmp policy', kind: 'unrecognized' },
    { raw: 'frobnicate the widget', kind: 'unrecognized' },
  ];
  for (const c of cases) {
    test(JSON.stringify(c.raw), () => {
      const line = parseConfig(c.raw).lines[0] ?? { kind: 'blank', statement: null };
      expect(line.kind).toBe(c.kind);
      if (c.statement) expect(line.statement?.kind).toBe(c.statement);
    });
  }
});

describe('statements', () => {
  const cases: { text: string; expected: Record<string, unknown> }[] = [
    { text: 'crypto isakmp policy 1\n encr aes 256', expected: { kind: 'policy-encryption', algorithm: 'aes', keyLength: 256 } },
    { text: 'crypto isakmp policy 1\n encryption aes', expected: { kind: 'policy-encryption', algorithm: 'aes', keyLength: 128 } },
    { text: 'crypto isakmp policy 1\n encryption 3des', expected: { kind: 'policy-encryption', algorithm: '3des', keyLength: null } },
    { text: 'crypto isakmp policy 1\n hash sha384', expected: { kind: 'policy-hash', hash: 'sha384' } },
    { text: 'crypto isakmp policy 1\n authentication rsa-encr', expected: { kind: 'policy-auth', auth: 'rsa-encr' } },
    { text: 'crypto isakmp policy 1\n group 14', expected: { kind: 'policy-group', group: 14 } },
    { text: 'crypto isakmp policy 1\n lifetime 3600', expected: { kind: 'policy-lifetime', seconds: 3600 } },
    { text: 'crypto isakmp key 0 surpass address 13.1.1.3', expected: { kind: 'isakmp-key', key: 'surpass' } },
    { text: 'crypto isakmp identity hostname', expected: { kind: 'isakmp-identity', identity: 'hostname' } },
    { text: 'crypto isakmp keepalive 10 3 periodic', expected: { kind: 'isakmp-keepalive', seconds: 10, retry: 3, mode: 'periodic' } },
    { text: 'crypto isakmp nat keepalive 20', expected: { kind: 'isakmp-nat-keepalive', seconds: 20 } },
    { text: 'crypto keyring KR\n pre-shared-key address 10.1.1.1 key s3cret', expected: { kind: 'keyring-key', key: 's3cret', section: 1 } },
    { text: 'crypto keyring KR\n pre-shared-key address ipv6 2001:db8::/32 key k', expected: { kind: 'keyring-key', key: 'k' } },
    { text: 'crypto isakmp profile P\n match identity address 10.0.0.0 255.0.0.0', expected: { kind: 'profile-match-identity' } },
    { text: 'crypto isakmp profile P\n keyring KR', expected: { kind: 'profile-keyring', name: 'KR' } },
    { text: 'crypto isakmp profile P\n self-identity fqdn', expected: { kind: 'profile-self-identity', identity: 'hostname' } },
    { text: 'crypto ipsec transform-set T esp-aes 256 esp-sha-hmac', expected: { kind: 'transform-set', transforms: ['esp-aes 256', 'esp-sha-hmac'] } },
    { text: 'crypto ipsec transform-set T ah-md5-hmac esp-des', expected: { kind: 'transform-set', transforms: ['ah-md5-hmac', 'esp-des'] } },
    { text: 'crypto ipsec transform-set T esp-aes\n mode transport require', expected: { kind: 'transform-mode', mode: 'transport', require: true } },
    { text: 'crypto ipsec profile P\n set pfs group14', expected: { kind: 'set-pfs', group: 14, explicit: true } },
    { text: 'crypto map M 10 ipsec-isakmp\n set pfs', expected: { kind: 'set-pfs', group: 1, explicit: false } },
    { text: 'crypto ipsec profile P\n set security-association lifetime seconds 1800', expected: { kind: 'set-sa-lifetime', seconds: 1800, kilobytes: null } },
    { text: 'crypto ipsec security-association lifetime kilobytes 1000', expected: { kind: 'global-sa-lifetime', seconds: null, kilobytes: 1000 } },
    { text: 'crypto map M 10 ipsec-isakmp\n set peer 10.0.0.2', expected: { kind: 'set-peer', address: '10.0.0.2' } },
    { text: 'crypto map M 10 ipsec-isakmp\n match address VPN', expected: { kind: 'match-address', acl: 'VPN' } },
    { text: 'crypto map M 20 ipsec-isakmp dynamic DYN', expected: { kind: 'crypto-map', seq: 20, dynamicMap: 'DYN' } },
    { text: 'access-list 101 permit ip 2.2.2.0 0.0.0.255 3.3.3.0 0.0.0.255', expected: { kind: 'acl-entry', acl: '101' } },
    { text: 'ip access-list extended VPN\n 10 permit gre host 1.1.1.1 host 2.2.2.2', expected: { kind: 'acl-entry', acl: 'VPN' } },
    { text: 'interface Tunnel0\n tunnel mode ipsec ipv4', expected: { kind: 'tunnel-mode', mode: 'ipsec ipv4' } },
    { text: 'interface Tunnel0\n tunnel protection ipsec profile P shared', expected: { kind: 'tunnel-protection', profile: 'P', shared: true } },
    // otus-lab14-r14-cert.cfg line 184 and r27 line 182
    { text: 'interface Tunnel1\n tunnel protection ipsec profile IPSEC_P1 ikev2-profile PROF1', expected: { kind: 'tunnel-protection', profile: 'IPSEC_P1', shared: false, ikev2Profile: 'PROF1' } },
    { text: 'interface e0/0\n ip address 10.0.0.1 255.255.255.0', expected: { kind: 'if-address', family: 4 } },
    { text: 'crypto engine compliance shield disable', expected: { kind: 'compliance-shield', enabled: false } },
    { text: 'crypto map M local-address Loopback0', expected: { kind: 'map-local-address', map: 'M', iface: 'Loopback0' } },
    {
      text: 'ipv6 access-list V6\n permit ipv6 any 2001:db8:2::/48',
      expected: { kind: 'acl-entry', acl: 'V6', entry: { protocol: 'ipv6', source: { family: 6, prefixLength: 0 }, destination: { family: 6, prefixLength: 48 } } },
    },
    { text: 'ip access-list extended X\n permit tcp any eq 22 host 10.0.0.1 range 1 9', expected: { kind: 'acl-entry', entry: { protocol: 'tcp', destination: { prefixLength: 32 } } } },
  ];
  for (const c of cases) {
    test(c.text.replace(/\n\s*/g, ' / '), () => {
      const parsed = parseConfig(c.text);
      const last = parsed.statements[parsed.statements.length - 1];
      expect(parsed.lines.filter((l) => l.kind === 'unrecognized')).toEqual([]);
      expect(last).toMatchObject(c.expected);
    });
  }

  test('an indented paste ends a section at the next less indented line a global command reads', () => {
    // Hand-written: the smallest paste of each kind (the real one is gre-dynamic-client.cfg's `match address`).
    const leaves = parseConfig('crypto map M 10 ipsec-isakmp\n set peer 10.0.0.2\ncrypto isakmp nat keepalive 20');
    expect(leaves.lines[2]?.statement?.section).toBe(null);
    const stays = parseConfig('crypto map M 10 ipsec-isakmp\n set peer 10.0.0.2\nset peer 10.0.0.3');
    expect(stays.lines[2]?.statement?.section).toBe(1);
  });
});

describe('property: arbitrary text', () => {
  const alphabet = fc.constantFrom(...'crypto isakmp policy 10\n encr aes 256 set peer #()!>:/.\r\t-0123456789'.split(''));
  test('never throws and accounts for every line', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: alphabet, maxLength: 300 }), fc.string({ maxLength: 200 })), (text) => {
        const parsed = parseConfig(text);
        const raws = splitLines(text);
        expect(parsed.lines.map((l) => l.raw)).toEqual(raws);
        parsed.lines.forEach((l, i) => expect(l.line).toBe(i + 1));
        for (const s of parsed.statements) expect(parsed.lines[s.line - 1]?.statement).toBe(s);
      }),
      { numRuns: 400 },
    );
  });
});

describe('property: config-like text through every stage', () => {
  const fragments = [
    'crypto isakmp policy 10', ' encr aes 256', ' encryption 3des', ' hash sha', ' group 14', ' lifetime 600', 'authentication pre-share',
    'crypto isakmp key k address 10.0.0.2', 'crypto isakmp key k address ipv6 ::/0', 'crypto isakmp key k address 0.0.0.0 0.0.0.0',
    'crypto keyring KR', ' pre-shared-key address 10.0.0.0 255.0.0.0 key k', 'crypto isakmp profile P', ' match identity address 10.0.0.2',
    'crypto ipsec transform-set T esp-aes 256 esp-sha-hmac', ' mode transport', 'mode tunnel require', 'crypto ipsec profile PRO',
    ' set transform-set T', ' set pfs group14', ' set pfs', ' set security-association lifetime seconds 900', 'crypto map M 10 ipsec-isakmp',
    ' set peer 10.0.0.2', ' match address 101', 'access-list 101 permit ip 10.1.0.0 0.0.255.255 10.2.0.0 0.0.255.255',
    'ip access-list extended 101', ' permit gre host 10.0.0.1 host 10.0.0.2', 'interface Tunnel0', ' tunnel source 10.0.0.1',
    ' tunnel destination 2001: DB8::3', ' tunnel mode ipsec ipv4', ' tunnel protection ipsec profile PRO', 'interface e0/0',
    ' ip address 10.0.0.1 255.255.255.0', ' ip address negotiated', ' crypto map M', 'no crypto map M', 'hostname R9', 'R1(config)#',
    'R2(config-isakmp)#group 5', '!', '', ' ', 'exit', 'crypto map M', 'crypto engine compliance shield disable', 'garbage here',
    'crypto isakmp policy', 'set peer', 'crypto ipsec transform-set X', 'access-list 101 permit ip any any', 'interface',
  ];
  test('parse, effective config, relations, explanations and the check never throw', async () => {
    const { effectiveConfig } = await import('./effective.ts');
    const { configRelations } = await import('./relations.ts');
    const { EXCHANGE_MESSAGES } = await import('../ike/messages.ts');
    const { explainObserved } = await import('./explain.ts');
    const { checkCompatibility } = await import('./compatibility.ts');
    const config = fc.array(fc.constantFrom(...fragments), { maxLength: 40 }).map((l) => l.join('\n'));
    fc.assert(
      fc.property(config, config, fc.constantFrom('classic', 'iosxe-17.11') as fc.Arbitrary<'classic' | 'iosxe-17.11'>, (a, b, release) => {
        const pa = parseConfig(a);
        expect(pa.lines.map((l) => l.raw)).toEqual(splitLines(a));
        const ca = effectiveConfig(pa, { release });
        const cb = effectiveConfig(parseConfig(b), { release });
        for (const message of EXCHANGE_MESSAGES) configRelations(ca, { message, peer: '10.0.0.2' });
        explainObserved(ca, { peer: '10.0.0.2', encapsulation: 'tunnel-udp', transform: 'esp-aes 256 esp-sha-hmac', pfsGroup: 14, saLifetimeSeconds: 100, proposal: { encryption: 'AES-CBC', keyLength: 256 } });
        const r = checkCompatibility(ca, cb);
        expect(['agree', 'disagree']).toContain(r.phase1);
        for (const f of r.findings) for (const l of f.lines) expect(l.line).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('words an object inherits', () => {
  const inherited = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
  for (const word of inherited) {
    test(`'${word}' as a policy's encryption, hash, authentication or identity is a line not understood`, () => {
      const text = `crypto isakmp policy 10\n encryption ${word}\n hash ${word}\n authentication ${word}\ncrypto isakmp identity ${word}\n`;
      const parsed = parseConfig(text);
      expect(parsed.lines.map((l) => l.kind)).toEqual(['statement', 'unrecognized', 'unrecognized', 'unrecognized', 'unrecognized']);
      expect(parsed.statements.map((s) => s.kind)).toEqual(['isakmp-policy']);
    });
  }
});
