/**
 * What tells a responder reading MM1 from an initiator reading MM2 when the paste holds neither packet nor state
 * line: only an offer with more in it (two NAT-T versions, another transform after the one checked). The same
 * check of one transform is printed by both, so it alone leaves the role unknown.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../analyze.ts';

const fixture = (path: string): string => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');
/** The lines of a fixture from the first that holds `from` to the first after it that holds `to`, both kept. */
const between = (text: string, from: string, to: string): string => {
  const lines = text.split('\n');
  const a = lines.findIndex((l) => l.includes(from));
  const b = lines.findIndex((l, i) => i > a && l.includes(to));
  expect(a).toBeGreaterThanOrEqual(0);
  expect(b).toBeGreaterThan(a);
  return lines.slice(a, b + 1).join('\n');
};
const roles = (text: string) => analyze([{ name: 'paste', text }]).negotiations.map((n) => [n.peer, n.role]);

const l2tp = fixture('partial/mm1-responder-group16-ike-frag-vendor-ids-l2tp-client-issue.log');
const notes = fixture('partial/mm-qm-initiator-ios12-notion-quote-list-ping-split-timestamp-zh-notes.log');
const pfs = fixture('partial/pfs-mismatch-qm-refused-peer-delete-initiator-blog.log');

describe('an offer told from its answer', () => {
  test('a client offering NAT-T RFC 3947 and v2 in the message read: MM1, read by the responder', () => {
    expect(roles(l2tp)).toEqual([['185.x.y.113', 'responder']]);
    // the same lines with one NAT-T version: an answer names one, so they no longer tell
    expect(roles(l2tp.split('\n').filter((l) => !l.includes('vendor ID is NAT-T v2')).join('\n'))).toEqual([['185.x.y.113', 'unknown']]);
  });

  test("an initiator's check of MM2 cut from its MM1 (one NAT-T version, one transform) is not called the responder's", () => {
    const mm2 = between(notes, 'ISAKMP (0:2): processing SA payload. message ID = 0', 'atts are acceptable. Next payload is 0');
    expect(mm2).toContain('Checking ISAKMP transform 1 against priority 2 policy');
    expect(roles(mm2)).toEqual([['13.1.1.3', 'unknown']]);
  });

  test("an initiator moving on to its next policy with the same transform: MM2's one transform, no role told", () => {
    // real: transform 2 refused by priority 3 (`Next payload is 0`), then accepted by priority 5, no packet line
    const checks = between(pfs, 'processing SA payload. message ID = 0', 'atts are acceptable. Next payload is 0');
    expect(roles(checks)).toEqual([['77.77.77.77', 'unknown']]);
  });

  test('another transform after the one refused, or a second transform checked: an offer, read by the responder', () => {
    // hand-written from the lines above (no excerpt in the fixtures holds an offer of several transforms): the
    // SA payload goes on with a transform payload (3) after transform 1, then transform 2 is checked
    const offer = [
      'ISAKMP:(0):found peer pre-shared key matching 77.77.77.77',
      'ISAKMP:(0):Checking ISAKMP transform 1 against priority 3 policy',
      'ISAKMP:      encryption 3DES-CBC',
      'ISAKMP:(0):Encryption algorithm offered does not match policy!',
      'ISAKMP:(0):atts are not acceptable. Next payload is 3',
      'ISAKMP:(0):Checking ISAKMP transform 2 against priority 3 policy',
      'ISAKMP:      encryption AES-CBC',
      'ISAKMP:(0):atts are acceptable. Next payload is 0',
    ];
    expect(roles(offer.join('\n'))).toEqual([['77.77.77.77', 'responder']]);
    // either sign alone tells: the next payload 3, or a second transform number
    expect(roles(offer.slice(0, 5).join('\n'))).toEqual([['77.77.77.77', 'responder']]);
    expect(roles(offer.filter((l) => !l.includes('Next payload is 3')).join('\n'))).toEqual([['77.77.77.77', 'responder']]);
    // and the words of the line say what follows
    const a = analyze([{ name: 'offer', text: offer.join('\n') }]);
    const record = a.records.line.indexOf(5);
    expect(a.records.annotations[a.records.annotation[record] ?? -1]).toBe("This phase 1 proposal does not match this policy. Another transform of the peer's offer follows.");
  });

  test('a phase 1 SA payload read starts another message: what the one before offered says nothing of it', () => {
    const mm2 = between(notes, 'ISAKMP (0:2): processing SA payload. message ID = 0', 'atts are acceptable. Next payload is 0');
    // the client's offer, then (pasted after it) the initiator's MM2 lines of another negotiation
    expect(roles(`${l2tp}\n${mm2}`)).toEqual([
      ['185.x.y.113', 'responder'],
      ['13.1.1.3', 'unknown'],
    ]);
  });
});
