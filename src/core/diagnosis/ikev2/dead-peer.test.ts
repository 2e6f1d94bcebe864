import { describe, expect, test } from 'vitest';
import { analyze } from '../../analyze.ts';
import { corpusText } from '../../corpus.test-helper.ts';
import { lineInfo } from '../../line-info.ts';
import { ikeSaMessages } from '../../timeline/ikev2-messages.ts';

/*
 * Derived, not captured: no published Cisco debug shows a liveness check (an INFORMATIONAL exchange that
 * carries nothing). Each log below is corpus 11 (IOS-XE 16.7.1, the initiator) up to its IKE SA coming up,
 * then corpus 11's own INFORMATIONAL exchange of message ID 2 with its one payload taken out: the
 * `Sending DELETE INFO message for IPsec SA` line dropped and its list line ` DELETE` printed as a line
 * holding one space, which is how this IOS prints an empty list (corpus 11's INFORMATIONAL responses). The
 * unanswered one repeats the request as corpus 24 (the same IOS 16, same SESSION and SA IDs) prints a
 * retransmission, and ends with corpus 11's last line, `Deleting SA`.
 */
const lines11 = corpusText(11).split('\n');
const at = (s: string, from = 0): number => {
  const i = lines11.findIndex((l, k) => k >= from && l.includes(s));
  if (i < 0) throw new Error(`no ${s}`);
  return i;
};
const up = lines11.slice(0, at('No duplicate IKEv2 SA found') + 1);
const building = at('Sending DELETE INFO message for IPsec SA') + 1;
/** `Building packet for encryption.` .. the Sending block of message ID 2 and its blank line, the list emptied. */
const request = lines11.slice(building, at('Check for existing IPSEC SA', building)).map((l) => (l === ' DELETE' ? ' ' : l));
const answerAt = at('Received Packet', building);
/** The Received block of message ID 2's response (its list is already empty) and `Processing ACK`. */
const answer = lines11.slice(answerAt, at('Processing ACK to informational exchange', answerAt) + 1);
const sendBlock = request.slice(request.findIndex((l) => l.includes('Sending Packet')));
const retransmit = corpusText(24).split('\n').find((l) => l.endsWith('Retransmitting packet'))!;
const gone = lines11.find((l) => l.endsWith('Deleting SA'))!;

const answered = [...up, ...request, ...answer].join('\n');
const unanswered = (resends: number, end: boolean): string =>
  [...up, ...request, ...Array.from({ length: resends }, () => [retransmit, ...sendBlock]).flat(), ...(end ? [gone] : [])].join('\n');

const v2 = (text: string) => analyze([{ name: 'derived.log', text }]).negotiations.find((n) => n.ikeVersion === 2)!;

describe('a liveness check (an empty INFORMATIONAL exchange)', () => {
  test('the request and its answer are named a liveness check on the ladder, not a delete', () => {
    const n = v2(answered);
    const info = n.ikeSa!.messages.filter((m) => m.name === 'INFORMATIONAL');
    expect(info.map((m) => [m.response, m.messageId, m.payloads, m.liveness])).toEqual([
      [false, 2, [], true],
      [true, 2, [], true],
    ]);
    expect(ikeSaMessages(n.ikeSa!).map((m) => m.name).slice(-2)).toEqual(['INFORMATIONAL.liveness', 'INFORMATIONAL.liveness.response']);
  });
  test('it is no failure and no child SA: the same findings, child SAs and outcome as without it', () => {
    const n = v2(answered);
    const without = v2(up.join('\n'));
    expect(n.findings.map((f) => f.code)).toEqual(without.findings.map((f) => f.code));
    expect(n.childSas).toEqual(without.childSas);
    expect(n.ikeSa!.outcome).toBe('complete');
  });
  test('the log pane says what the empty lists mean', () => {
    const a = analyze([{ name: 'derived.log', text: answered }]);
    const words = (s: string, from: number) => lineInfo(a, { file: 0, line: lineIndex(answered, s, from) + 1 }).annotation ?? '';
    const start = up.length;
    expect(words('Building packet for encryption', start)).toMatch(/no payloads: .*liveness check/);
    expect(words('Sending Packet', start)).toMatch(/INFORMATIONAL request .*message ID 2: ENCR \(encrypted\)/);
    expect(words('Received Packet', start)).toMatch(/INFORMATIONAL response .*: no payloads, an acknowledgement/);
  });
  test('corpus 11 itself: its INFORMATIONAL requests carry DELETE and are no liveness check', () => {
    const n = v2(corpusText(11));
    expect(n.ikeSa!.messages.filter((m) => m.name === 'INFORMATIONAL').every((m) => m.liveness === undefined)).toBe(true);
    expect(n.findings.map((f) => f.code)).not.toContain('PEER_UNREACHABLE');
  });
});

describe('PEER_UNREACHABLE: a liveness check never answered', () => {
  const dead = (text: string) => v2(text).findings.filter((f) => f.code === 'PEER_UNREACHABLE');
  test('an answered check is no finding', () => {
    expect(dead(answered)).toEqual([]);
  });
  test('a check sent once or resent once, and nothing after: no finding yet', () => {
    expect(dead(unanswered(0, false))).toEqual([]);
    expect(dead(unanswered(1, false))).toEqual([]);
  });
  test('resent twice with no answer: a warning, the outcome not in the log', () => {
    const f = dead(unanswered(2, false));
    expect(f.map((x) => [x.severity, x.message])).toEqual([['warning', 'INFORMATIONAL.liveness']]);
    expect(f[0]?.summary).toMatch(/liveness check .*message ID 2\) to FC00:123:123:123::1 3 times \(2 resends\) .*\(the log ends before the outcome\)/);
  });
  test('resent and then the SA deleted: an error naming the DPD config', () => {
    const text = unanswered(3, true);
    const f = dead(text);
    expect(f.map((x) => [x.severity, x.side])).toEqual([['error', 'responder']]);
    expect(f[0]?.summary).toMatch(/4 times \(3 resends\) .*then ended the SA \(line \d+\): dead peer detection took FC00:123:123:123::1 for dead/);
    expect(f[0]?.fix).toMatch(/'dpd <interval> <retry> on-demand\|periodic' in its crypto ikev2 profile/);
    expect(f[0]?.lines).toContainEqual({ file: 0, line: text.split('\n').lastIndexOf(gone) + 1 });
    expect(v2(text).ikeSa!.messages.filter((m) => m.liveness === true).map((m) => m.attempt)).toEqual([1, 2, 3, 4]);
    // the check implies no state: the initiator's implied states end at READY, no DELETE the log does not show
    expect(v2(text).ikeSa!.transitions.map((t) => t.to).slice(-2)).toEqual(['AUTH_DONE', 'READY']);
  });
});

function lineIndex(text: string, s: string, from: number): number {
  return text.split('\n').findIndex((l, i) => i >= from && l.includes(s));
}

describe('the ASA form: the encrypted payload decoded as holding nothing', () => {
  // Derived, not captured: corpus 27 (an ASA initiator) with the decode of its first INFORMATIONAL request's
  // encrypted payload changed from `Next payload: DELETE` to `Next payload: NONE` (what an empty envelope
  // decodes to, RFC 7296 3.14); the rest as captured.
  const real = corpusText(27);
  const derived = real.replace('(15):  ENCR(15):   Next payload: DELETE', '(15):  ENCR(15):   Next payload: NONE');
  test('the request and its answer are a liveness check', () => {
    expect(derived).not.toBe(real);
    const n = analyze([{ name: 'derived.log', text: derived }]).negotiations.find((x) => x.ikeVersion === 2)!;
    const info = n.ikeSa!.messages.filter((m) => m.name === 'INFORMATIONAL' && m.messageId === 2);
    // the answer keeps its captured DELETE (only the request was changed): it is the check's answer by its ID
    expect(info.map((m) => [m.response, m.response ? null : m.payloads, m.liveness])).toEqual([
      [false, [], true],
      [true, null, true],
    ]);
    const a = analyze([{ name: 'derived.log', text: derived }]);
    const at = derived.split('\n').findIndex((l) => l.includes('IKEv2 INFORMATIONAL Exchange REQUEST')) + 1;
    expect(lineInfo(a, { file: 0, line: at }).annotation).toMatch(/ENCR holding nothing, a liveness check/);
  });
  test('as captured, its INFORMATIONAL requests carry DELETE: no liveness check', () => {
    const n = analyze([{ name: '27.log', text: real }]).negotiations.find((x) => x.ikeVersion === 2)!;
    expect(n.ikeSa!.messages.some((m) => m.liveness === true)).toBe(false);
    expect(n.ikeSa!.messages.find((m) => m.name === 'INFORMATIONAL' && !m.response)?.payloads).toContain('DELETE');
  });
});
