/**
 * What the page says about an input that gives no negotiation to show: empty, not text, IKEv2 lines that hold
 * no IKE SA, IKE lines that hold no negotiation, configs without a log, or no IKE output at all. Decided from
 * facts the analysis already has, and the first characters of the logs.
 */
import type { Analysis } from './analysis.ts';
import { LINE_KIND_CODE } from './ike/line-kinds.ts';
import type { LineTable } from './line-tables.ts';

export type InputAnswer =
  | { kind: 'empty' }
  | { kind: 'binary' }
  | { kind: 'ikev2'; lines: number }
  | { kind: 'asa-ikev1'; lines: number }
  | { kind: 'no-negotiation'; debugLines: number }
  | { kind: 'config-only'; configs: number }
  | { kind: 'not-ike'; lines: number };

export interface InputFacts {
  /** Lines over all log files, blank lines included. */
  logLines: number;
  /** Lines that are not blank, over all log files. */
  textLines: number;
  /** Lines the log reader took for the first line of an IKE/IPsec debug or syslog record, or for show crypto output. */
  debugLines: number;
  negotiations: number;
  configs: number;
  /** The start of the logs (a few kilobytes of each is enough). */
  sample: string;
}

/** `IKEv2:(SESSION ID = 31,SA ID = 1):`, `IKEv2-PAK:`, `IKEv2-PROTO-4:`: an IKEv2 debug line, not prose naming it. */
const IKEV2_LINE = /(?:^|[\s:])IKEv2(?:-[A-Z]{2,12}(?:-\d)?)?:/;

/**
 * The ASA's IKEv1 lines: its debug tag (`[IKEv1]IP = …`, `[IKEv1]: Group = …`, `[IKEv1 DEBUG]…`), its IKE system
 * messages (`%ASA-5-713904:`, 713xxx to 715xxx), or a line that starts with the tunnel group and the peer's
 * address as those print them (`Group = 10.1.1.1, IP = 10.1.1.1, …`, the tag cut off). Another IKEv1
 * implementation than IOS's, whose output ikescope does not read as a negotiation.
 */
const ASA_IKEV1_LINE = /\[IKEv1(?: DEBUG)?\]|%(?:ASA|FTD|PIX)-\d-71[345]\d{3}:|^\s*Group = [^,\s]{1,64}, (?:Username = [^,\s]{1,64}, )?IP = [\d.:A-Fa-f]{2,45}, /;

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

function linesLike(sample: string, pattern: RegExp): number {
  let count = 0;
  for (const line of sample.split('\n')) if (pattern.test(line)) count++;
  return count;
}

/** The answer for an input with nothing to draw, or null when the analysis found a negotiation. */
export function answerInput(facts: InputFacts): InputAnswer | null {
  if (facts.textLines === 0) return facts.configs > 0 ? { kind: 'config-only', configs: facts.configs } : { kind: 'empty' };
  if (facts.negotiations > 0) return null;
  if (looksBinary(facts.sample)) return { kind: 'binary' };
  const ikev2 = linesLike(facts.sample, IKEV2_LINE);
  if (ikev2 > 0) return { kind: 'ikev2', lines: ikev2 };
  // The ASA's IKE system messages are read as syslog lines (debugLines counts them), yet they make no negotiation
  // for the same reason its debug tag does: the answer names them whatever else was read.
  const asa = linesLike(facts.sample, ASA_IKEV1_LINE);
  if (asa > 0) return { kind: 'asa-ikev1', lines: asa };
  if (facts.debugLines > 0) return { kind: 'no-negotiation', debugLines: facts.debugLines };
  return { kind: 'not-ike', lines: facts.logLines };
}

/** The answer in words, for the page and the CLI alike (each says where the lines it read are shown). */
export function answerWords(answer: InputAnswer): string {
  switch (answer.kind) {
    case 'empty':
      return 'The input is empty: there is nothing to analyse.';
    case 'binary':
      return 'This is not text: it looks like a binary file (an archive, a capture or an image), which ikescope cannot read.';
    case 'ikev2':
      return `This is IKEv2 debug output (${answer.lines} IKEv2 line${answer.lines === 1 ? '' : 's'} seen), but it shows no IKE SA to draw: no packet, SPI or state machine line.`;
    case 'asa-ikev1':
      return `This is an ASA's IKEv1 output, its debug lines or system messages (${answer.lines} line${answer.lines === 1 ? '' : 's'} such as [IKEv1]IP = …, Group = …, IP = … or %ASA-5-713904 seen), which ikescope does not read as a negotiation: it reads the IKEv1 debug output of IOS and IOS-XE, and the IKEv2 output of IOS, IOS-XE and the ASA/FTD. Of an ASA's IKEv1 tunnels it reads show crypto isakmp sa (or show crypto ikev1 sa) and show crypto ipsec sa.`;
    case 'no-negotiation':
      return `${answer.debugLines} line${answer.debugLines === 1 ? '' : 's'} of IKE/IPsec output ${answer.debugLines === 1 ? 'was' : 'were'} read, but they hold no negotiation to draw: no exchange of messages and no state change.`;
    case 'config-only':
      return `${answer.configs === 1 ? 'A configuration was' : `${answer.configs} configurations were`} loaded, but no debug log: there is no negotiation to draw. The lab can simulate one between two routers' configs.`;
    case 'not-ike':
      return `No IKE or IPsec debug output was recognized in ${answer.lines} line${answer.lines === 1 ? '' : 's'}: ikescope reads the IKEv1 and IKEv2 debug output of Cisco IOS and IOS-XE, the ASA/FTD's IKEv2 debug output, and their show crypto output.`;
    default:
      return answer satisfies never;
  }
}

/**
 * The text report's first words on an input with no negotiation: what was recognized. An ASA's IKEv1 output is
 * IKE output that was found, so it is not said to hold no IKE negotiation.
 */
export function answerReportLine(answer: InputAnswer | null): string {
  if (answer === null) return 'No IKE negotiation found in this input.';
  if (answer.kind === 'asa-ikev1') return answerWords(answer);
  return `No IKE negotiation found in this input. ${answerWords(answer)}`;
}

/** A piece of advice: words, or a command to type on the router. */
export type AdvicePart = string | { command: string };

/** What to capture on the router for output ikescope reads, IKEv1 and IKEv2 alike. */
export const CAPTURE_ADVICE: readonly AdvicePart[] = [
  'Paste the output of ',
  { command: 'debug crypto isakmp' },
  ' and ',
  { command: 'debug crypto ipsec' },
  ' (on IOS-XE also ',
  { command: 'debug crypto kmi' },
  ') for IKEv1, or ',
  { command: 'debug crypto ikev2' },
  ' (on the ASA and FTD ',
  { command: 'debug crypto ikev2 protocol 127' },
  ' and ',
  { command: 'debug crypto ikev2 platform 127' },
  ') for IKEv2, from one or both routers, captured while the tunnel comes up (',
  { command: 'clear crypto session' },
  ', then send traffic across); or the output of ',
  { command: 'show crypto isakmp sa' },
  ' or ',
  { command: 'show crypto ikev2 sa' },
  ', and ',
  { command: 'show crypto ipsec sa' },
  '.',
];

/** The lines of some log files that are not blank, and those the reader took for a record's first line or show output. */
export function countLogLines(tables: readonly LineTable[]): { textLines: number; debugLines: number } {
  let textLines = 0;
  let debugLines = 0;
  for (const table of tables) {
    for (const kind of table.kinds) {
      if (kind !== LINE_KIND_CODE.blank) textLines++;
      if (kind === LINE_KIND_CODE.debug || kind === LINE_KIND_CODE.show) debugLines++;
    }
  }
  return { textLines, debugLines };
}

/** How many characters of each log the answer looks at. */
export const SAMPLE_CHARS = 64 * 1024;

/** The facts of an analysis of whole texts (the CLI's): `texts` in the order of its files. */
export function analysisInputFacts(a: Pick<Analysis, 'input' | 'negotiations' | 'lineTables'>, texts: readonly string[]): InputFacts {
  const logs = a.input.files.map((f, i) => ({ f, i })).filter(({ f }) => f.kind !== 'config');
  const tables = logs.map(({ i }) => a.lineTables[i]).filter((t) => t !== undefined);
  return {
    logLines: logs.reduce((sum, { f }) => sum + f.lines, 0),
    ...countLogLines(tables),
    negotiations: a.negotiations.length,
    configs: a.input.files.length - logs.length,
    sample: logs.map(({ i }) => (texts[i] ?? '').slice(0, SAMPLE_CHARS)).join('\n'),
  };
}
