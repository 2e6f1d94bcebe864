/**
 * The facility and conn-id of a line, in each form IOS prints them. The real lines are from the corpus; the 12.4
 * crypto-engine form is hand-written from the format IOS 12.4 prints (`ISAKMP:(0:1:SW:1):`): no stored capture of
 * it was found, and a router of that generation was not at hand.
 */
import { describe, expect, test } from 'vitest';
import { parseHead } from './head.ts';

describe('line heads', () => {
  test("each generation's conn-id", () => {
    // corpus 01 (IOS-XE), corpus 13 (12.x `(0:2)`), corpus 10 (`(0)` before the SA has a conn-id)
    expect(parseHead('ISAKMP: (1001):Old State = IKE_I_MM5  New State = IKE_I_MM6')).toMatchObject({ facility: 'ISAKMP', conn: 1001, text: 'Old State = IKE_I_MM5  New State = IKE_I_MM6' });
    expect(parseHead('ISAKMP (0:2): beginning Main Mode exchange')).toMatchObject({ conn: 2, text: 'beginning Main Mode exchange' });
    expect(parseHead('ISAKMP:(0): processing SA payload. message ID = 0')).toMatchObject({ conn: 0, text: 'processing SA payload. message ID = 0' });
  });

  test("12.4's conn-id with the crypto engine that holds the SA", () => {
    // hand-written (see above): the conn-id is the number before the engine, the engine is no part of the text
    expect(parseHead('ISAKMP:(0:1:SW:1):Old State = IKE_I_MM6  New State = IKE_P1_COMPLETE')).toMatchObject({ facility: 'ISAKMP', conn: 1, text: 'Old State = IKE_I_MM6  New State = IKE_P1_COMPLETE' });
    expect(parseHead('ISAKMP:(0:3:HW:2): sending packet to 10.0.0.2 my_port 500 peer_port 500 (I) MM_KEY_EXCH')).toMatchObject({ conn: 3, text: 'sending packet to 10.0.0.2 my_port 500 peer_port 500 (I) MM_KEY_EXCH' });
    expect(parseHead('ISAKMP:(0:0:N/A:0):Checking ISAKMP transform 1 against priority 1 policy')).toMatchObject({ conn: 0, text: 'Checking ISAKMP transform 1 against priority 1 policy' });
    // an engine without its number, or a word that is no engine, is no conn-id
    expect(parseHead('ISAKMP:(0:1:SW):x')?.conn ?? null).toBeNull();
    expect(parseHead('ISAKMP:(0:1:XX:1):x')?.conn ?? null).toBeNull();
  });
});
