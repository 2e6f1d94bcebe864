import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { lintConfig } from './lint.ts';

const policy = (line: string) => `crypto isakmp policy 10\n encryption aes 256\n${line}\n authentication pre-share\n`;

const cases: { name: string; text: string; lints: { line: number; message: RegExp }[] }[] = [
  { name: 'a config it reads whole has nothing to say', text: policy(' hash sha256'), lints: [] },
  { name: 'an unknown hash value names the accepted ones', text: policy(' hash sha999'), lints: [{ line: 3, message: /^unknown hash value "sha999": accepts md5, sha, sha256, sha384, sha512; kept as a line not understood, it sets no hash \(sha, IOS's default, unless another line sets one\)$/ }] },
  { name: 'the short form of a keyword is named by its long one', text: policy(' encr blowfish'), lints: [{ line: 3, message: /^unknown encryption value "blowfish": accepts des, 3des, aes/ }] },
  { name: 'a keyword with no value', text: policy(' authentication'), lints: [{ line: 3, message: /^unknown authentication \(no value\): accepts pre-share/ }] },
  { name: 'an unknown keyword is marked as setting nothing', text: policy(' frobnicate 3'), lints: [{ line: 3, message: /^not understood/ }] },
  {
    name: "an IKEv2 proposal's typo names the proposal's values, not an isakmp policy's",
    text: 'crypto ikev2 proposal P\n encryption aes-cbc-265\n integrity sha256\n group 14\n',
    lints: [{ line: 2, message: /^unknown encryption value "aes-cbc-265": accepts aes-cbc-128, aes-cbc-192, aes-cbc-256, aes-gcm-128, aes-gcm-256, 3des, des; kept as a line not understood, it sets no encryption \(a proposal without one is incomplete and never offered\)$/ }],
  },
];

describe('lintConfig', () => {
  for (const c of cases) {
    test(c.name, () => {
      const lints = lintConfig(c.text);
      expect(lints.map((l) => l.line)).toEqual(c.lints.map((l) => l.line));
      lints.forEach((l, i) => expect(l.message).toMatch(c.lints[i]!.message));
    });
  }
});

describe('lintConfig on real configs (fixtures/configs/ikev1)', () => {
  const read = (name: string) => readFileSync(new URL(`../../../fixtures/configs/ikev1/${name}`, import.meta.url), 'utf8');
  test('batfish-cisco-crypto-parsing-test.cfg: an ASA `crypto ikev1 policy` block is not told as isakmp policy typos', () => {
    // Lines 23-28: `crypto ikev1 policy 10`, ` authentication pre-share`, ` encryption aes`, ` group 2`, ` hash sha`, ` lifetime 86400`.
    const lints = lintConfig(read('batfish-cisco-crypto-parsing-test.cfg')).filter((l) => l.line >= 23 && l.line <= 28);
    expect(lints.map((l) => l.line)).toEqual([23, 24, 25, 26, 27, 28]);
    for (const l of lints) expect(l.message).not.toMatch(/^unknown/);
  });
  test('keyrings and ISAKMP profiles of AWS’s example are read whole', () => {
    // 33 and 41: `local-address YOUR_UPLINK_ADDRESS` in the keyring and in the profile.
    expect(lintConfig(read('aws-vpc-ios-tunnel1.cfg')).map((l) => l.line).filter((line) => line === 33 || line === 41)).toEqual([]);
  });
});

describe('lines IOS scrolled as they were typed (cli-session-router1.cfg)', () => {
  const text = readFileSync(new URL('../../../fixtures/configs/ikev1/cli-session-router1.cfg', import.meta.url), 'utf8');
  test('the start IOS hid is restored where the words left name one command, and said', () => {
    const lints = lintConfig(text).filter((l) => l.message.startsWith('IOS hid'));
    expect(lints).toEqual([
      { line: 25, kind: 'note', message: 'IOS hid the start of this line ($, the line scrolled as it was typed): read as "crypto ipsec transform-set MY_TRANSFORM_SET esp-aes esp-sha-hmac"' },
      { line: 32, kind: 'note', message: 'IOS hid the start of this line ($, the line scrolled as it was typed): read as "access-list 100 permit ip 192.168.1.0 0.0.0.255 192.168.2.0 0.0.0.255"' },
    ]);
  });
  test('a hidden end is not guessed (the same source’s firewall part, its line copied as printed)', () => {
    const lints = lintConfig('Router(config)#access-list 100 permit ip 192.168.10.0 0.0.0.255 192.168.20.0 0$');
    expect(lints.map((l) => l.message)).toEqual(['IOS hid the end of this line ($, the line scrolled as it was typed) and the words shown do not say the whole command: not read; show running-config prints it whole']);
  });
});

describe('a whole running-config is linted where ikescope reads (fixtures/configs/ikev1)', () => {
  const read = (name: string) => readFileSync(new URL(`../../../fixtures/configs/ikev1/${name}`, import.meta.url), 'utf8');
  // Each file's linted lines: crypto lines not read, none of IOS's other commands (version, BGP, NHRP, line vty…).
  const cases: { file: string; lines: number[]; why: string }[] = [
    { file: 'dmvpn-spoke-spb-core1-running-config.cfg', lines: [], why: '`Building configuration...`, `Current configuration : 2482 bytes`, OSPF, BGP, NHRP and line vty are IOS’s, not lints' },
    { file: 'batfish-aws-cisco-host.cfg', lines: [32, 38], why: 'the anti-replay window and the DF bit, said as set aside; BGP and route maps silent' },
    { file: 'gre-dynamic-client.cfg', lines: [], why: 'the profile’s aggressive mode and keepalive are read; `enable`, `config ter`, `ip mtu` are not lints' },
    { file: 'cli-session-router2.cfg', lines: [25, 32], why: 'the two lines IOS scrolled; `Enter configuration commands…` and `%Error opening tftp…` are IOS’s answers' },
    // 13 the Easy VPN group, 21 reverse-route, 24-26 the map's client lines; 29 `ip local pool`, typed unindented
    // after the dynamic map's `crypto map … dynamic dmap`, leaves that entry as in IOS and is no crypto line.
    { file: 'ezvpn-server-unindented-exit.cfg', lines: [13, 21, 24, 25, 26], why: 'an unindented global command leaves the crypto map entry' },
  ];
  for (const c of cases) {
    test(`${c.file}: ${c.why}`, () => {
      expect(lintConfig(read(c.file)).map((l) => l.line)).toEqual(c.lines);
    });
  }
  test('Easy VPN commands are said as remote access the check leaves out, not as lines that set nothing', () => {
    const lints = lintConfig(read('ezvpn-server-indented-ex.cfg'));
    expect(lints.filter((l) => l.message.startsWith("IOS's remote access (Easy VPN) setup, not read")).map((l) => l.line)).toEqual([12, 32, 33, 34]);
  });
  test('a crypto command set aside says what it sets instead of "sets nothing"', () => {
    const lints = lintConfig(read('batfish-aws-cisco-host.cfg'));
    expect(lints.map((l) => l.message)).toEqual([
      "IOS's, not read: it sets the anti-replay window, which decides nothing the check or the simulation models",
      "IOS's, not read: it sets the DF bit of the outer header, which decides nothing the check or the simulation models",
    ]);
    // the editor marks these as notes, not as problems to mend
    expect(lints.map((l) => l.kind)).toEqual(['note', 'note']);
  });
  test('a typo is a problem to mend, a remote access command a note', () => {
    expect(lintConfig(policy(' hash sha999')).map((l) => l.kind)).toEqual(['problem']);
    expect(new Set(lintConfig(read('ezvpn-server-indented-ex.cfg')).filter((l) => l.message.startsWith("IOS's remote access")).map((l) => l.kind))).toEqual(new Set(['note']));
  });
});

describe('Cisco ASA configs (fixtures/configs/ikev2)', () => {
  const read = (name: string) => readFileSync(new URL(`../../../fixtures/configs/ikev2/${name}`, import.meta.url), 'utf8');
  test("an ASA's IKEv2 policy, IPsec proposal and tunnel group are told as the ASA's, not as IOS lines not understood", () => {
    const lints = lintConfig(read('asa-vti-azure-china-readme.cfg'));
    const at = (line: number) => lints.find((l) => l.line === line)?.message ?? '';
    // 17: ` encryption aes-256 aes-192 aes` under `crypto ikev2 policy 1`: the ASA's policy holds its algorithms.
    expect(at(17)).toBe("an ASA's command (it sets the algorithms of the ASA's IKEv2 policy, which IOS keeps in a proposal), not read: ikescope reads IOS and IOS-XE configurations, not the ASA's");
    expect(at(26)).toMatch(/^an ASA's command \(it sets the child SA's algorithms\)/);
    expect(at(34)).toMatch(/^an ASA's command \(it sets a peer's tunnel group/);
    expect(at(36)).toMatch(/^an ASA's command \(it sets a tunnel group's authentication\)/);
    expect(lints.every((l) => l.message.startsWith("an ASA's command"))).toBe(true);
    // an interface's `nameif` is a sign of the ASA, no crypto line: not linted
    expect(at(4)).toBe('');
  });
  test("a documentation page's ASA (code blocks indented four spaces, prose between): its group policy and SA volume are the ASA's", () => {
    const lints = lintConfig(read('asa-vti-gcp-two-tunnels-doc.cfg'));
    expect(lints.every((l) => l.message.startsWith("an ASA's command"))).toBe(true);
    // 52: `set security-association lifetime kilobytes unlimited`; 56: `group-policy GCP internal` (no `group` typo)
    expect(lints.map((l) => l.line)).toEqual(expect.arrayContaining([52, 56, 57, 58, 63, 64]));
  });
  test("a page's code block fences (a README's ```, HTML's <pre lang=\"cli\"> and </pre>) are its markup, not lines", () => {
    expect(lintConfig(read('asa-vti-azure-china-readme.cfg')).filter((l) => [2, 13, 15, 23, 31, 33, 38, 40].includes(l.line))).toEqual([]);
    const pre = lintConfig(read('asa-vti-azure-bgp-pre-blocks.cfg'));
    // 34: ` </pre>` indented under the IKEv2 policy, 47: `</pre>   `, 23, 37: `<pre lang="cli">`
    expect(pre.filter((l) => [3, 6, 8, 21, 23, 34, 37, 47, 49].includes(l.line))).toEqual([]);
    expect(pre.every((l) => l.message.startsWith("an ASA's command"))).toBe(true);
  });
});

describe("a page's prose between code blocks (fixtures/configs/ikev2)", () => {
  const read = (name: string) => readFileSync(new URL(`../../../fixtures/configs/ikev2/${name}`, import.meta.url), 'utf8');
  test('the sentence after a block that ends in a header with no sub-command is no line of that section', () => {
    // 105: `crypto ipsec transform-set TSET esp-aes 256 esp-sha256-hmac`, 106: ```, 107: "Create a new IPSec Profile, …".
    // 111: `set ipsec transform-set TSET`, as published: IOS's command is `set transform-set`, the lint keeps telling it.
    const lints = lintConfig(read('flexvpn-svti-smart-defaults-r1-notes.cfg'));
    expect(lints.map((l) => l.line)).toEqual([111]);
  });
  test('blank lines inside sections and ```bash fences: both routers of a certificate lab read whole', () => {
    const lints = lintConfig(read('svti-rsa-sig-r1-r2-lab-blank-lines.cfg'));
    expect(lints.map((l) => l.line)).toEqual([22, 96]);
    for (const l of lints) expect(l.message).toMatch(/certificates and keys/);
  });
});

describe('sub-commands of IOS sections ikescope does not read (fixtures/configs/ikev2)', () => {
  const read = (name: string) => readFileSync(new URL(`../../../fixtures/configs/ikev2/${name}`, import.meta.url), 'utf8');
  test("an EIGRP af-interface's `authentication mode md5` / `authentication key-chain` are EIGRP's, not crypto lines outside their section", () => {
    for (const [name, lines] of [
      ['iwan-gcm-hq-wan-mpls-hub.cfg', [119, 120, 124, 125]],
      ['iwan-gcm-branch2-wan-two-tunnels.cfg', [200, 201, 210, 211]],
    ] as const) {
      const lints = lintConfig(read(name));
      expect(lints.filter((l) => (lines as readonly number[]).includes(l.line))).toEqual([]);
      // what remains is the anti-replay window, set aside with its reason
      expect(lints.map((l) => l.message)).toEqual([expect.stringMatching(/anti-replay window/)]);
    }
  });
});
