/**
 * What `service sequence-numbers` and `service timestamps debug datetime msec` put before every debug line
 * changes nothing of what an IKEv2 log says. The ASA captures of the corpus print neither, so corpus 29 is
 * given here as such a router prints it: each IKEv2 message line with a sequence number and a time before it
 * (the lines themselves unchanged, real), and its negotiation must read the same.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { analysisJson } from '../../analysis-json.ts';
import { analyze } from '../../analyze.ts';

const corpus29 = readFileSync('fixtures/corpus/29-asa-success-ike-sa-init-ike-auth-initiator-pair-a.log', 'utf8');

function withServicePrefixes(text: string): string {
  let n = 0;
  return text
    .split('\n')
    .map((line) => {
      if (!line.startsWith('IKEv2-')) return line;
      n += 1;
      return `${String(n).padStart(6, '0')}: *Dec  6 10:00:${String(Math.floor(n / 100) % 60).padStart(2, '0')}.${String(n % 1000).padStart(3, '0')}: ${line}`;
    })
    .join('\n');
}

test('sequence numbers and timestamps before IKEv2 lines change nothing of the negotiation', () => {
  const plain = analysisJson(analyze([{ name: '29', text: corpus29 }]));
  const prefixed = analysisJson(analyze([{ name: '29', text: withServicePrefixes(corpus29) }]));
  expect(withServicePrefixes(corpus29)).toMatch(/^000001: \*Dec {2}6 10:00:00\.001: IKEv2-/m);
  expect(prefixed.input.unrecognized).toEqual([]);
  expect(prefixed.negotiations).toEqual(plain.negotiations);
  expect(prefixed.negotiations[0]?.ikeVersion).toBe(2);
});
