import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import { messageCopyText, type SourceText } from './message-copy.ts';

const files = [
  { name: 'seed.txt', kind: 'log' as const, text: readFileSync('fixtures/seed/ios-ikev1-main-mode-debugs.txt', 'utf8') },
  { name: 'R2.cfg', kind: 'config' as const, text: readFileSync('fixtures/configs/seed-R2.config.txt', 'utf8') },
  { name: 'R3.cfg', kind: 'config' as const, text: readFileSync('fixtures/configs/seed-R3.config.txt', 'utf8') },
];
const analysis = analyze(files.slice(0, 1), { configs: files.slice(1) });
const negotiation = analysis.negotiations[0]!;
const sources: SourceText[] = files.map((f) => ({ name: f.name, pieces: [f.text] }));
const mm5 = negotiation.phase1.messages.find((m) => m.name === 'MM5')!;

describe("a message's lines to copy", () => {
  test("the seed's MM5: both routers' lines, then the config lines, each as in its file", () => {
    const text = messageCopyText(negotiation, mm5, sources, false);
    const lines = text.split('\n');
    expect(lines[0]).toBe('MM5: R2 → R3');
    const r2 = lines.indexOf("--- R2's log (seed.txt) ---");
    const r3 = lines.indexOf("--- R3's log (seed.txt) ---");
    expect(r2).toBeGreaterThan(0);
    expect(r3).toBeGreaterThan(r2);
    const seedLines = files[0]!.text.split('\n');
    // every log line copied is a line of the file, unchanged, in the order of the file
    const copied = lines.slice(r2 + 1, r3);
    expect(copied.length).toBe(mm5.sideLines!.initiator.length);
    expect(copied).toEqual(mm5.sideLines!.initiator.map((l) => seedLines[l.line - 1]!.replace(/\r$/, '')));
    expect(text).toContain('--- configuration (R2.cfg) ---');
  });

  test('the pre-shared key is masked unless asked for', () => {
    const masked = messageCopyText(negotiation, mm5, sources, false);
    expect(masked).toContain('crypto isakmp key ***** address ipv6 ::/0');
    expect(masked).not.toMatch(/crypto isakmp key cisco/);
    expect(messageCopyText(negotiation, mm5, sources, true)).toContain('crypto isakmp key cisco address ipv6 ::/0');
  });
});
