/**
 * Every line of the real logs is said in words of its own: none of the corpus, the seed, the real excerpts or the
 * IKEv2 show captures is left with the catch-all words of a line that changes nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { analyze } from '../analyze.ts';

const CATCH_ALL = 'Recognised; no effect on the negotiation.';
const dirs = ['corpus', 'partial', 'seed', 'ikev2/show'];

test('no line of a real log gets only the catch-all annotation', () => {
  const left: string[] = [];
  for (const dir of dirs) {
    const url = new URL(`../../../fixtures/${dir}/`, import.meta.url);
    for (const name of readdirSync(url).filter((f) => f.endsWith('.log') || f.endsWith('.txt')).filter((f) => !f.endsWith('.config.txt'))) {
      const a = analyze([{ name, text: readFileSync(new URL(name, url), 'utf8') }]);
      const { annotation, annotations, line } = a.records;
      for (let r = 0; r < annotation.length; r += 1) if (annotations[annotation[r] ?? -1] === CATCH_ALL) left.push(`${dir}/${name}:${line[r]}`);
    }
  }
  expect(left).toEqual([]);
});

// the real lines of fixtures/partial/sa-request-ping-author-notes-zh-tw-l2l-series.log: the paste ends before the
// record's protocol= line, so no transform is known; the words say what the record has and no placeholder
test('an sa_request cut before its transform line is said by the parts it has', () => {
  const text = [
    '*Mar  1 00:13:31.891: IPSEC(sa_request): ,',
    '(key eng. msg.) OUTBOUND local= 202.100.1.1, remote= 202.100.1.2,( 加密點)',
    'local_proxy= 1.1.1.1/255.255.255.255/0/0 (type=1), ',
    ' remote_proxy= 2.2.2.2/255.255.255.255/0/0 (type=1),  (感興趣流-ProxyID)',
  ].join('\n');
  const a = analyze([{ name: 'cut', text }]);
  expect(a.records.annotations[a.records.annotation[0] ?? -1]).toBe('IPsec asks for SAs to 202.100.1.2: proxies 1.1.1.1/255.255.255.255/0/0 ↔ 2.2.2.2/255.255.255.255/0/0.');
});

// the real lines of corpus 07 (IOS-XE responder over PPPoE): the record's `dst addr` field line is no column heading
// of show crypto isakmp sa
test('a Crypto mapdb proxy_match record is said as the crypto map lookup it is', () => {
  const text = [
    '*Feb 23 00:19:54.627: Crypto mapdb : proxy_match',
    '        src addr     : 192.168.102.0',
    '        dst addr     : 192.168.101.0',
    '        protocol     : 0',
    '        src port     : 0',
    '        dst port     : 0',
  ].join('\n');
  const a = analyze([{ name: 'mapdb', text }]);
  expect(a.records.annotations[a.records.annotation[0] ?? -1]).toBe('IPsec looks for the crypto map entry whose ACL matches these addresses, protocol and ports.');
});

// real lines of fixtures/partial/mm-qm-initiator-ios12-notion-quote-list-ping-split-timestamp-zh-notes.log (QM2's
// attributes): each duration in the unit its life type line names, also when the same lines come again
test('a phase 2 life duration is said in the unit of the life type line before it', () => {
  const attrs = [
    '- Mar 1 00:55:42.295: ISAKMP: SA life type in seconds',
    '- Mar 1 00:55:42.295: ISAKMP: SA life duration (basic) of 3600',
    '- Mar 1 00:55:42.295: ISAKMP: SA life type in kilobytes',
    '- Mar 1 00:55:42.295: ISAKMP: SA life duration (VPI) of 0x0 0x46 0x50 0x0',
  ];
  const a = analyze([{ name: 'qm2', text: [...attrs, ...attrs, attrs[3]].join('\n') }]);
  const words = Array.from(a.records.annotation, (i) => a.records.annotations[i]);
  const said = ['Phase 2 proposal: lifetime in seconds.', 'Phase 2 proposal: lifetime 3600 s.', 'Phase 2 proposal: lifetime in kilobytes.', 'Phase 2 proposal: lifetime 4608000 kilobytes.'];
  // a duration whose type line is not before it has no unit to take
  expect(words).toEqual([...said, ...said, 'Phase 2 proposal: lifetime 4608000 (its unit is on a life type line not in the paste).']);
});
