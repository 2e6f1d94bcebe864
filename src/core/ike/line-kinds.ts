/**
 * What each input line is, stored as its index into LINE_KINDS:
 * debug: a debug or syslog record's first line (ISAKMP, ISAKMP-PAK, ISAKMP-ERROR, IPSEC(...), KMI, %CRYPTO-*, %LINEPROTO-*...)
 * continuation: a further line of the record above (ID payload block, IPSEC(...) block, wrapped line...)
 * prompt: a router prompt, with or without a typed command (`R3(config-if)#`, `HQ#clear crypto sa`)
 * show: output of a show command (`show crypto ipsec sa`, `show crypto isakmp sa`)
 * prose: anything else a person wrote (document text, ping output, author's notes, `#` headers)
 * blank: empty or whitespace only
 * unrecognized: looks like IKE/IPsec debug output but was not understood
 * truncated: a record the paste cut off (the last line of the input, not understood): kept, not read
 */
export const LINE_KINDS = ['debug', 'continuation', 'prompt', 'show', 'prose', 'blank', 'unrecognized', 'truncated'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

/** Each kind's index in LINE_KINDS, the code the line tables store. */
export const LINE_KIND_CODE: Readonly<Record<LineKind, number>> = {
  debug: 0,
  continuation: 1,
  prompt: 2,
  show: 3,
  prose: 4,
  blank: 5,
  unrecognized: 6,
  truncated: 7,
};

/** The kind a line table's code stands for (an unknown code reads as unrecognized). */
export function lineKindName(code: number): LineKind {
  return LINE_KINDS[code] ?? 'unrecognized';
}
