/** Lines IOS prints that read like a failure but are not one, each with why (a finding's red herrings). */
const HARMLESS: readonly (readonly [start: string, why: string])[] = [
  [
    'peer does not do paranoid keepalives',
    'A red herring: IOS prints this whenever it tears down an SA with a peer that did not negotiate DPD keepalives; it says nothing about why the negotiation failed.',
  ],
  [
    'Failed to find peer index node',
    'Harmless IOS-XE housekeeping message printed on every successful negotiation.',
  ],
  [
    'ignoring request to send delete notify',
    'Harmless: there was no ISAKMP SA yet to send a DELETE with (a leftover from an earlier session).',
  ],
];

/** Why a line's text (after its facility prefix) is harmless; null when it is not one of these. */
export function harmlessBecause(text: string): string | null {
  for (const [start, why] of HARMLESS) if (text.startsWith(start)) return why;
  return null;
}
