import { describe, expect, test } from 'vitest';
import { detached, OwnedStrings } from './owned-strings.ts';

describe('owned strings', () => {
  // strings that are special as property names (a copy made through one would be wrong for them) and long ones
  const values = ['IKE_P1_COMPLETE', '', '0', '123', '0123', '4294967295', '-0', '1e3', '__proto__', 'constructor', 'toString', 'ESP_AES ', '2001:DB8::2', 'ü ✓ 𝄞', 'x'.repeat(5000)];
  for (const value of values) {
    test(`${JSON.stringify(value.slice(0, 20))} keeps its value`, () => {
      const strings = new OwnedStrings();
      const line = `*Sep 21 08:33:43.377: ${value}|`;
      const cut = line.slice(22, 22 + value.length);
      expect(strings.own(cut)).toBe(value);
      expect(strings.own(value)).toBe(value);
      expect(detached(cut)).toBe(value);
    });
  }

  test('every string field of an event is replaced, other fields untouched', () => {
    const strings = new OwnedStrings();
    const at = { file: 0, line: 3 };
    const e = { type: 'fsm-state', from: 'IKE_I_MM1', to: 'IKE_I_MM2', node: 7, at, missing: null };
    expect(strings.ownFields(e)).toEqual({ type: 'fsm-state', from: 'IKE_I_MM1', to: 'IKE_I_MM2', node: 7, at: { file: 0, line: 3 }, missing: null });
    expect(e.at).toBe(at);
  });

  test('the strings of the objects and lists an event holds are replaced too, their values and shapes kept', () => {
    const strings = new OwnedStrings();
    const text = '*Nov 30 11:16:54.881: IKEv2:(SESSION ID = 1,SA ID = 1):Sending Packet SA KE N VID NOTIFY';
    const words = text.slice(text.indexOf('SA KE')).split(' ');
    const frozen = Object.freeze({ name: text.slice(0, 4) });
    const e = { type: 'ikev2', session: 1, line: { kind: 'packet', payloads: words.slice(0, 3) }, also: [{ kind: 'payloads', payloads: words.slice(3) }], decoded: [text.slice(22, 27)], frozen };
    expect(strings.ownFields(e)).toEqual({ type: 'ikev2', session: 1, line: { kind: 'packet', payloads: ['SA', 'KE', 'N'] }, also: [{ kind: 'payloads', payloads: ['VID', 'NOTIFY'] }], decoded: ['IKEv2'], frozen: { name: '*Nov' } });
    expect(e.frozen).toBe(frozen);
  });
});
