/**
 * `show crypto ikev2 stats` (IOS-XE): the router's IKEv2 counters, each line in words with its numbers. They are
 * counts since the last `clear crypto ikev2 stats`, of no one SA: information only, no negotiation.
 */
import type { IkeEventBody } from './events.ts';

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Each `name: value` of a line, the value as printed (`40/400` for in/out), in one pass. */
function counters(t: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let colon = t.indexOf(':'); colon >= 0; colon = t.indexOf(':', colon + 1)) {
    let i = colon + 1;
    while (t.charCodeAt(i) === 32) i += 1;
    const from = i;
    while (i < t.length && (isDigit(t.charCodeAt(i)) || (t[i] === '/' && isDigit(t.charCodeAt(i + 1))))) i += 1;
    if (i === from) continue;
    const name = t.slice(start, colon).split(' ').filter((w) => w !== '' && w !== '-').join(' ');
    out.push(`${name} ${t.slice(from, i)}`);
    start = i;
    colon = i - 1;
  }
  return out;
}

/** Each line by its start: what it counts. */
const STATS_WORDS: readonly [string, string][] = [
  ['System Resource Limit:', 'Limits on IKEv2 SAs (0: none set) and on SAs negotiating at once, incoming/outgoing (crypto ikev2 limit)'],
  ['Total incoming IKEv2 SA Count:', 'IKE SAs the peers initiated'],
  ['Total outgoing IKEv2 SA Count:', 'IKE SAs this router initiated'],
  ['Incoming IKEv2 Requests:', "Peers' requests to open an IKE SA"],
  ['Outgoing IKEv2 Requests:', "This router's requests to open an IKE SA"],
  ['Rejected IKEv2 Requests:', 'Requests refused for lack of resources or by the SA limit'],
  ['IKEv2 packets dropped at dispatch:', 'IKEv2 packets dropped before any SA read them'],
  ['Incoming Requests dropped as LOW Q limit reached', 'Incoming requests dropped because the low-priority queue was full'],
  ['Incoming IKEV2 Cookie Challenged Requests:', 'Incoming requests answered with a cookie challenge (crypto ikev2 cookie-challenge)'],
  ['accepted:', 'Of the cookie-challenged requests'],
  ['Total Deleted sessions of Cert Revoked Peers:', 'Sessions deleted because the peer certificate was revoked'],
  ['Total init sa request rejected due to queue limit', 'IKE_SA_INIT requests refused because the queue was full'],
  ['SA Strength Enforcement Rejects', 'Child SAs refused by SA strength enforcement (a child SA encrypting more strongly than its IKE SA)'],
  ['Sessions with Quantum Resistance:', 'Sessions protected by a post-quantum preshared key (PPK), manual and dynamic'],
  ['PPK Identity Mismatch:', "Peers whose PPK identity matched none configured"],
  ['PPK Retrieve Failure', 'Failures to get a PPK, all and where the profile requires one'],
  ['PPK Authentication Failure', 'Authentications that failed with a PPK, all and where the profile requires one'],
];

/** A line of `show crypto ikev2 stats` (trimmed) as an information event with its counters in words, or null. */
export function ikev2StatsLine(t: string): IkeEventBody | null {
  if (t.length >= 20 && /^-+$/.test(t)) return { type: 'info', text: t, words: 'A rule under or over the heading of the IKEv2 counters.' };
  for (const [start, what] of STATS_WORDS) {
    if (!t.startsWith(start)) continue;
    const counts = counters(t);
    return { type: 'info', text: t, words: counts.length === 0 ? `${what}.` : `${what}: ${counts.join(', ')}.` };
  }
  return null;
}
