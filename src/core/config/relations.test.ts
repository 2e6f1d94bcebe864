import { EXCHANGE_MESSAGES, type ExchangeMessageName } from '../ike/messages.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { effectiveConfigFromText } from './effective.ts';
import { parseConfig } from './parse.ts';
import { configRelations, relatedLines } from './relations.ts';

const root = new URL('../../../fixtures/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

interface SeedSection {
  router: 'R2' | 'R3';
  message: ExchangeMessageName;
  lines: string[];
}

/**
 * The seed's own "Related/Relevant configuration" sections: the message heading above each one, the side of
 * the document it is in (responder R3 first, then initiator R2), and the config lines it lists.
 */
function seedSections(): SeedSection[] {
  const text = read('seed/ios-ikev1-main-mode-debugs.txt').split('\n');
  const out: SeedSection[] = [];
  let router: 'R2' | 'R3' | null = null;
  let message: ExchangeMessageName | null = null;
  let collecting: SeedSection | null = null;
  for (const raw of text) {
    const line = raw.trim();
    if (line === 'IOS responder side') router = 'R3';
    if (line === 'IOS router - initiator') router = 'R2';
    const heading = /^(Main|Quick) mode message (\d)/i.exec(line);
    if (heading) {
      collecting = null;
      message = `${heading[1]?.toLowerCase() === 'main' ? 'MM' : 'QM'}${heading[2] ?? ''}` as ExchangeMessageName;
      continue;
    }
    if (/^Rel(?:ated|evant) configuration:$/.test(line)) {
      if (!router || !message) throw new Error('related configuration before any message heading');
      collecting = { router, message, lines: [] };
      out.push(collecting);
      continue;
    }
    if (collecting && line !== '') collecting.lines.push(line);
  }
  return out;
}

const configs = {
  R2: read('configs/seed-R2.config.txt'),
  R3: read('configs/seed-R3.config.txt'),
};
const peers = { R2: '2001:DB8::3', R3: '2001:DB8::2' };

describe("the seed's related configuration comes out of the model", () => {
  const sections = seedSections();

  test('the seed lists nine sections over both routers', () => {
    expect(sections.map((s) => `${s.router} ${s.message}`)).toEqual(['R3 MM1', 'R3 MM6', 'R3 QM1', 'R3 QM2', 'R2 MM1', 'R2 MM5', 'R2 MM6', 'R2 QM1', 'R2 QM2']);
  });

  for (const section of sections) {
    test(`${section.router} ${section.message}: ${section.lines.join(' / ')}`, () => {
      const text = configs[section.router];
      const parsed = parseConfig(text);
      const cfg = effectiveConfigFromText(text);
      const relations = configRelations(cfg, { message: section.message, peer: peers[section.router] });
      const lines = new Set(relations.map((r) => r.line));
      for (const wanted of section.lines) {
        if (wanted.endsWith('...')) {
          // "crypto isakmp identity ...": the seed's configs leave it at the IOS default.
          expect(relations.some((r) => r.attribute === 'identity' && r.isDefault && r.why.startsWith('crypto isakmp identity address'))).toBe(true);
          continue;
        }
        const at = parsed.lines.find((l) => l.raw.trim().toLowerCase() === wanted.toLowerCase());
        expect(at, `config line "${wanted}"`).toBeDefined();
        expect(lines.has(at?.line ?? -1), `relation for "${wanted}"`).toBe(true);
      }
    });
  }
});

describe('relations by attribute', () => {
  const r2 = effectiveConfigFromText(configs.R2);
  const cases: { name: string; query: Parameters<typeof relatedLines>[1]; lines: number[] }[] = [
    // Defaults point at the header where the command would go.
    { name: 'MM1 encryption: default, on the policy line', query: { message: 'MM1', attribute: 'encryption' }, lines: [1] },
    { name: 'MM1 auth', query: { message: 'MM1', attribute: 'auth' }, lines: [1, 3] },
    { name: 'MM5 psk for the peer', query: { message: 'MM5', attribute: 'psk', peer: '2001: DB8::3' }, lines: [6] },
    { name: 'MM1 psk for an IPv4 peer: none (the key is for IPv6 peers)', query: { message: 'MM1', attribute: 'psk', peer: '10.0.0.1' }, lines: [] },
    { name: 'QM1 encapsulation', query: { message: 'QM1', attribute: 'encapsulation' }, lines: [9, 11, 14, 16, 20, 28, 32] },
    { name: 'QM1 proxies: VTI means any/any', query: { message: 'QM1', attribute: 'proxies' }, lines: [20, 28] },
    { name: 'QM1 pfs: default none, on the profile', query: { message: 'QM1', attribute: 'pfs' }, lines: [14] },
    { name: 'QM3 tunnel', query: { message: 'QM3', attribute: 'tunnel' }, lines: [20, 26, 28, 30, 32] },
    { name: 'MM6 identity: default only', query: { message: 'MM6', attribute: 'identity' }, lines: [] },
  ];
  for (const c of cases) test(c.name, () => expect(relatedLines(r2, c.query)).toEqual(c.lines));

  test('crypto map: proxies are the match address ACL', () => {
    const cfg = effectiveConfigFromText(read('corpus/20-l2l-success-initiator-ios12-annotated-zh-tw-excerpt.config.txt'));
    expect(relatedLines(cfg, { message: 'QM1', attribute: 'proxies', peer: '202.100.1.2' })).toEqual([11, 14, 26, 27]);
    expect(relatedLines(cfg, { message: 'QM1', attribute: 'tunnel', peer: '202.100.1.2' })).toEqual([11, 12, 18, 22]);
  });

  test('every message name has relations in the seed config', () => {
    for (const message of EXCHANGE_MESSAGES) expect(configRelations(r2, { message }).length, message).toBeGreaterThan(0);
  });
});

describe('real IKEv1 configs (fixtures/configs/ikev1)', () => {
  test('gre-dynamic-gw.cfg: a QM1 from any peer depends on the dynamic entry, the static entry applying it and the interface carrying that map', () => {
    const cfg = effectiveConfigFromText(readFileSync(new URL('configs/ikev1/gre-dynamic-gw.cfg', root), 'utf8'));
    // 17 crypto dynamic-map DMAP 1, 18 its set transform-set, 23 crypto map SMAP local-address, 24 crypto map SMAP 100
    // ipsec-isakmp dynamic DMAP, 37 interface GigabitEthernet1, 40 its crypto map SMAP; 12-13 the transform set.
    expect(relatedLines(cfg, { message: 'QM1', attribute: 'tunnel', peer: '200.1.1.1' })).toEqual([17, 23, 24, 37, 40]);
    expect(relatedLines(cfg, { message: 'QM1', attribute: 'transform', peer: '200.1.1.1' })).toEqual([12, 13, 17, 18]);
  });

  test('gre-dynamic-client.cfg: DPD is the global keepalive (18) and the ISAKMP profile’s own (24)', () => {
    const cfg = effectiveConfigFromText(readFileSync(new URL('configs/ikev1/gre-dynamic-client.cfg', root), 'utf8'));
    expect(relatedLines(cfg, { message: 'MM5', attribute: 'keepalive' })).toEqual([18, 24]);
  });
});
