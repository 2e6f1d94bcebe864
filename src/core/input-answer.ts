/**
 * What the page says about an input that gives no negotiation to show: empty, not text, IKEv2 lines that hold
 * no IKE SA, IKE lines that hold no negotiation, configs without a log, or no IKE output at all. Decided from
 * facts the analysis already has, and the first characters of the logs.
 */
export type InputAnswer =
  | { kind: 'empty' }
  | { kind: 'binary' }
  | { kind: 'ikev2'; lines: number }
  | { kind: 'no-negotiation'; debugLines: number }
  | { kind: 'config-only'; configs: number }
  | { kind: 'not-ike'; lines: number };

export interface InputFacts {
  /** Lines over all log files, blank lines included. */
  logLines: number;
  /** Lines that are not blank, over all log files. */
  textLines: number;
  /** Lines the log reader took for the first line of an IKE/IPsec debug or syslog record. */
  debugLines: number;
  negotiations: number;
  configs: number;
  /** The start of the logs (a few kilobytes of each is enough). */
  sample: string;
}

/** `IKEv2:(SESSION ID = 31,SA ID = 1):`, `IKEv2-PAK:`, `IKEv2-PROTO-4:`: an IKEv2 debug line, not prose naming it. */
const IKEV2_LINE = /(?:^|[\s:])IKEv2(?:-[A-Z]{2,12}(?:-\d)?)?:/;

/** More than this share of control characters (or bytes that are not UTF-8) and the input is not text. */
const BINARY_SHARE = 0.05;

function looksBinary(sample: string): boolean {
  if (sample.length === 0) return false;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) odd++;
  }
  return odd / sample.length > BINARY_SHARE;
}

function ikev2Lines(sample: string): number {
  let count = 0;
  for (const line of sample.split('\n')) if (IKEV2_LINE.test(line)) count++;
  return count;
}

/** The answer for an input with nothing to draw, or null when the analysis found a negotiation. */
export function answerInput(facts: InputFacts): InputAnswer | null {
  if (facts.textLines === 0) return facts.configs > 0 ? { kind: 'config-only', configs: facts.configs } : { kind: 'empty' };
  if (facts.negotiations > 0) return null;
  if (looksBinary(facts.sample)) return { kind: 'binary' };
  const ikev2 = ikev2Lines(facts.sample);
  if (ikev2 > 0) return { kind: 'ikev2', lines: ikev2 };
  if (facts.debugLines > 0) return { kind: 'no-negotiation', debugLines: facts.debugLines };
  return { kind: 'not-ike', lines: facts.logLines };
}
