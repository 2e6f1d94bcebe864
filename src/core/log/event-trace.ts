/**
 * `show monitor event-trace crypto …` beyond the IKEv2 events themselves (those are IKEv2 lines, `ikev2/`):
 * each trace's heading (`ikev2_error:`, `pki_event:` … as `… crypto all detail` and `from-boot` print them), a
 * trace that is off, the closing count, a traceback, and the PKI and IPsec entries, each in words. The lines are
 * genieparser's captures (fixtures/ikev2/show/README.md); what a trace holds is the router's own words.
 */
import type { IkeEventBody } from './events.ts';

/** The traces of `show monitor event-trace crypto all`, in the order the router prints them, each in words. */
const TRACES = new Map<string, string>([
  ['pki_event', 'the PKI event trace (certificates, enrollment)'],
  ['pki_internal_event', 'the PKI internal event trace'],
  ['pki_error', 'the PKI error trace'],
  ['ikev2_event', 'the IKEv2 event trace (`show monitor event-trace crypto ikev2 event`): one line per exchange and step of each SA'],
  ['ikev2_internal_event', "the IKEv2 internal event trace: the key engine's requests and IKEv2's queue"],
  ['ikev2_error', 'the IKEv2 error trace (`show monitor event-trace crypto ikev2 error`): the errors of each SA, each with its SA ID and ends'],
  ['ikev2_exception', 'the IKEv2 exception trace'],
  ['ipsec_event', 'the IPsec event trace: IPsec SAs created and deleted'],
  ['ipsec_error', 'the IPsec error trace'],
  ['ipsec_exception', 'the IPsec exception trace'],
]);

const HEADING = /^([a-z\d]{3,6}_[a-z_]{3,20}):$/;

/** Whether a line of the trace's own (a heading, a trace that is off, the closing count, a traceback) opens or goes on with it. */
export function startsEventTrace(t: string): boolean {
  const h = HEADING.exec(t);
  if (h !== null) return TRACES.has(h[1] ?? '');
  return t.startsWith('Tracing currently ') || t.startsWith('interrupt context allocation count =') || t.startsWith('-Traceback=');
}

/** The event of one unstamped line of the trace's output, or null. */
export function eventTraceLine(t: string): IkeEventBody | null {
  const h = HEADING.exec(t);
  const trace = h === null ? undefined : TRACES.get(h[1] ?? '');
  if (trace !== undefined) return { type: 'info', text: t, words: `The heading of ${trace}: the lines under it are its entries, none when nothing was traced.` };
  if (t.startsWith('Tracing currently disabled')) {
    return { type: 'info', text: t, words: `This trace is turned off${t.includes('from exec command') ? ' (by a command typed at the exec prompt)' : ''}: it holds no entries; the lines of the traces that are on are elsewhere in the output.` };
  }
  if (t.startsWith('Tracing currently enabled')) return { type: 'info', text: t, words: `This trace is on${t.includes('from exec command') ? ' (turned on by a command typed at the exec prompt)' : ''}: its entries, if any, follow.` };
  if (t.startsWith('interrupt context allocation count =')) return { type: 'info', text: t, words: "The event trace's own bookkeeping at the end of its output; nothing about an SA." };
  if (t.startsWith('-Traceback=')) return { type: 'info', text: t, words: 'A software traceback recorded with the entry above, for Cisco TAC: not a failure of a negotiation by itself.' };
  return null;
}

/** PKI trace entries as the router prints them (genieparser's `… crypto all detail` and `merged` captures). */
const PKI_ENTRIES: readonly [string, string][] = [
  ['EST client initialized', 'The EST (enrollment over secure transport) client started: PKI bookkeeping, no SA.'],
  ['EST client process started', 'The EST enrollment process runs: PKI bookkeeping, no SA.'],
  ['Running configuration saved to NVRAM', 'The configuration was saved (the PKI notes it because it keeps certificates there).'],
  [
    'PKI timers have not been initialized due to non-authoritative system clock',
    "The router's clock is not authoritative (no NTP, no calendar set): PKI timers wait for it, and certificate validity cannot be checked until the clock is set.",
  ],
];

/** `sa_spi = 0x102(258)` / `sa_spi= 0x10A(266)`, `sa_dest = 418A::70:0:1`, `sa_trans = esp-gcm 256 ,` of an IPsec trace entry. */
const IPSEC_FIELD = (name: string): RegExp => new RegExp(`${name} ?= ?([^,]{1,64}?) ?,`);
const SA_SPI = IPSEC_FIELD('sa_spi');
const SA_DEST = IPSEC_FIELD('sa_dest');
const SA_TRANS = IPSEC_FIELD('sa_trans');
/** `IPSEC-EVENT:IPSEC-DELETE-SA:  [SESSION ID:0, ]sa delete : (sa) …`, `IPSEC-EVENT:IPSEC-SEND-KMI:  SESSION ID:0, KMI Sent: A->B:TYPE[, loc: …]` */
const IPSEC_ENTRY = /^IPSEC-EVENT:IPSEC-([A-Z-]{3,30}): {1,3}(?:SESSION ID:\d{1,9}, )?(.{0,400})$/;
const KMI = /^KMI (Sent|Received): (.{1,60}?)->(.{1,60}?):([A-Z_]{3,60})(?:, loc: (\S{1,64}), rem: ([^,\s]{1,64}))?/;

/** The key management interface's messages between IPsec's key engine and IKE, in words (their names say it). */
const KMI_WORDS = new Map([
  ['KEY_ENG_REQUEST_SAS', 'IPsec asks IKE for SAs: traffic or a tunnel needs them'],
  ['KEY_ENG_DELETE_SAS', 'IPsec asks IKE to delete SAs (and tell the peer)'],
  ['KEY_ENG_NOTIFY_INCR_COUNT', "IPsec counts one more SA (bookkeeping)"],
  ['KEY_ENG_NOTIFY_DECR_COUNT', 'IPsec counts one SA less (bookkeeping)'],
  ['KEY_ENG_NOTIFY_QOS_GROUP', 'IPsec tells IKE the QoS group (bookkeeping)'],
  ['KEY_ENG_NOTIFY_INTF', 'IPsec tells IKE the interface (bookkeeping)'],
  ['KEY_MGR_CREATE_IPSEC_SAS', 'IKE tells IPsec to create the SAs it negotiated'],
  ['KEY_MGR_DELETE_SAS', 'IKE tells IPsec to delete SAs'],
  ['KEY_MGR_SESSION_CLOSED', "IKE tells IPsec that the session closed"],
  ['KEY_MGR_CLEAR_ENDPT_SAS', "IKE tells IPsec to clear the SAs of these two ends"],
  ['KEY_MGR_SA_ENABLE_OUTBOUND', 'IKE tells IPsec to start using the outbound SA: traffic can flow'],
]);

function ipsecEntry(kind: string, rest: string): string {
  const created = kind === 'CREATE-SA';
  if (created || kind === 'DELETE-SA') {
    // its second line names the SA's ends and proxies: `(sa),  loc: …, rem: …, l_proxy: …, r_proxy: …`
    if (/^sa (?:create|delete) : \(sa\),/.test(rest)) return `The ends and the protected traffic (proxies) of the IPsec SA ${created ? 'created' : 'deleted'} above.`;
    const spi = SA_SPI.exec(rest)?.[1]?.replace(/\(\d{1,10}\)$/, '');
    const dest = SA_DEST.exec(rest)?.[1];
    const trans = SA_TRANS.exec(rest)?.[1];
    const what = [spi === undefined ? null : `SPI ${spi}`, dest === undefined ? null : `to ${dest}`, trans === undefined ? null : trans].filter((x) => x !== null).join(', ');
    return `IPsec event trace: an IPsec SA ${created ? 'created' : 'deleted'}${what.length > 0 ? ` (${what})` : ''}.`;
  }
  const kmi = KMI.exec(rest);
  if (kmi !== null) {
    const type = kmi[4] ?? '';
    const ends = kmi[5] === undefined || kmi[5] === 'UNKNOWN' ? '' : `, ${kmi[5]} and ${kmi[6] ?? '?'}`;
    return `IPsec event trace: ${KMI_WORDS.get(type) ?? `${kmi[2] ?? ''} sends ${kmi[3] ?? ''} ${type}`} (${type}${ends}).`;
  }
  return `IPsec event trace (${kind}): ${rest}`;
}

/**
 * The event of a stamped trace entry that is not an IKEv2 line: a PKI entry (`… all detail` prints it bare,
 * `… merged` after its trace's name: `pki_event: EST client initialized.`) or an IPsec SA created or deleted.
 */
export function eventTraceEntry(text: string): IkeEventBody | null {
  const t = text.trim();
  const named = /^([a-z\d]{3,6}_[a-z_]{3,20}): (.{1,400})$/.exec(t);
  const body = named !== null && TRACES.has(named[1] ?? '') ? (named[2] ?? '') : t;
  for (const [start, words] of PKI_ENTRIES) if (body.startsWith(start)) return { type: 'info', text: t, words: named === null ? words : `${words} (trace ${named[1]})` };
  const ipsec = IPSEC_ENTRY.exec(t);
  if (ipsec !== null) return { type: 'info', text: t, words: ipsecEntry(ipsec[1] ?? '', ipsec[2] ?? '') };
  // `show monitor event-trace crypto pki error all`: `Trustpoint- rootca:HTTP Server is disabled.`
  const trustpoint = /^Trustpoint- ?([^:\s]{1,64}):(.{1,300})$/.exec(body);
  if (trustpoint !== null) return { type: 'info', text: t, words: `A PKI trace entry of trustpoint ${trustpoint[1] ?? ''}: ${(trustpoint[2] ?? '').trim()}` };
  if (named !== null && TRACES.has(named[1] ?? '')) return { type: 'info', text: t, words: `An entry of ${TRACES.get(named[1] ?? '')}: ${body}` };
  return null;
}
