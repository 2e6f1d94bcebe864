import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../analyze.ts';

const seed = readFileSync(new URL('../../../fixtures/seed/ios-ikev1-main-mode-debugs.txt', import.meta.url), 'utf8');

describe('show output verifies the phase 2 it is about', () => {
  test('the seed: the SPIs created in QM2 are ACTIVE, and the counters after the ping say 9 packets each way', () => {
    const p = analyze([{ name: 'seed', text: seed }]).negotiations[0]!.phase2[0]!;
    expect(p.verification).toMatchObject({ packetsOut: 9, packetsIn: 9, up: true, pathMtu: 1500 });
    expect(p.sas.map((s) => s.status)).toEqual(p.sas.map(() => 'ACTIVE'));
  });

  test('a show block cut before its SAs (the seed up to `current outbound spi:`) verifies the phase 2 by that SPI', () => {
    const lines = seed.split('\n');
    const at = lines.findIndex((l) => l.indexOf('current outbound spi: 0x221A7153') >= 0);
    const n = analyze([{ name: 'seed cut', text: lines.slice(0, at + 1).join('\n') }]).negotiations[0]!;
    const p = n.phase2[0]!;
    expect(p.verification).toMatchObject({ packetsOut: 4, packetsIn: 4 });
    expect(p.verification!.lines.map((l) => l.line)).toContain(at + 1);
  });

  /** The seed as if negotiated again: the same lines, with SPIs of its own. */
  const again = (copy: number): string =>
    seed.replace(/0x([0-9A-F]{8})\((\d+)\)/g, (_, hex: string, decimal: string) => {
      const spi = (Number.parseInt(hex, 16) + copy) >>> 0;
      expect(spi).toBe(Number(decimal) + copy);
      return `0x${spi.toString(16).toUpperCase().padStart(8, '0')}(${spi})`;
    });

  test('three tunnels to the same peer in one paste: each is verified by its own show output only', () => {
    const lines = seed.split('\n').length;
    const once = analyze([{ name: 'seed', text: seed }]).negotiations[0]!.phase2[0]!.verification!;
    const thrice = analyze([{ name: 'seeds', text: [again(0), again(1), again(2)].join('\n') }]);
    const verified = thrice.negotiations.flatMap((n) => n.phase2.map((p) => p.verification)).filter((v) => v !== null);
    expect(verified).toHaveLength(3);
    verified.forEach((v, copy) => {
      // every line it cites is in its own copy, at the same place as in the seed alone
      expect(v.lines.map((l) => l.line - copy * lines)).toEqual(once.lines.map((l) => l.line));
      expect(v).toMatchObject({ packetsOut: 9, packetsIn: 9, up: true });
    });
  });

  test('the seed: the transform and mode lines under each SPI verify what the debug lines said, and stay out of QM3', () => {
    const n = analyze([{ name: 'seed', text: seed }]).negotiations[0]!;
    const p = n.phase2[0]!;
    // the debug lines said it first (`sa_trans= esp-aes esp-sha-hmac`, `encaps is 1`): the show output agrees
    expect(p).toMatchObject({ transform: 'esp-aes esp-sha-hmac', encapsulation: 'tunnel', pfsGroup: null });
    const numbers = (text: string): number[] => seed.split('\n').flatMap((l, i) => (l.indexOf(text) >= 0 ? [i + 1] : []));
    const shown = [...numbers('transform: esp-aes esp-sha-hmac ,'), ...numbers('in use settings ={Tunnel, }')].sort((a, b) => a - b);
    expect(shown).toHaveLength(4);
    const cited = new Set(p.verification!.lines.map((l) => l.line));
    expect(shown.filter((l) => cited.has(l))).toEqual(shown);
    // they are show output, no line of the Quick Mode's last message
    const qm3 = new Set(p.messages.find((m) => m.name === 'QM3')!.lines.map((l) => l.line));
    expect(shown.filter((l) => qm3.has(l))).toEqual([]);
    // Tunnel, no UDP: no NAT-T is said
    expect(n.findings.map((f) => f.code)).not.toContain('NAT_T');
  });

  test('show output saved in a file of its own still verifies the phase 2 the debug log created', () => {
    const cut = seed.indexOf('Tunnel verification');
    const a = analyze([
      { name: 'debug.log', text: seed.slice(0, cut) },
      { name: 'show.txt', text: seed.slice(cut) },
    ]);
    const verified = a.negotiations.flatMap((n) => n.phase2).filter((p) => p.verification !== null);
    expect(verified).toHaveLength(1);
    // the counters after the ping come from the filtered show, which lists no SPI
    expect(verified[0]!.verification).toMatchObject({ packetsOut: 9, packetsIn: 9, up: true });
    expect(verified[0]!.verification!.lines.every((l) => l.file === 1)).toBe(true);
  });
});
