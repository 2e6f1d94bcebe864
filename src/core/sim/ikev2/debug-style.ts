/**
 * The two ways IOS prints `debug crypto ikev2` lines, as the IKEv2 debug writer's style:
 * - `ios-15` (IOS 15.x, IOS-XE 16.x; IKEv2.md 2.1): every message under `IKEv2:(SESSION ID = n,SA ID = m):`, bare
 *   `IKEv2:` for the lookups, `IKEv2-ERROR:` for errors; `service timestamps debug datetime msec` time without a
 *   year (`*Apr  3 08:17:36.001:`, corpus 25).
 * - `iosxe-17` (IOS-XE 17 and later; IKEv2.md 2.2): facility prefixes: `IKEv2-INTERNAL:` for the state machine and
 *   the internal lines (SM Trace, `Host is located NAT inside`, the lookups), `IKEv2-PAK:` for the packet decode of
 *   `debug crypto ikev2 packet`, `IKEv2-ERROR:`, and `IKEv2:` for the rest; the time with its year and zone
 *   (`Nov 30 2024 11:16:54.881 UTC:`, fixtures/ikev2/real-lines.txt).
 */
import { timestamp } from '../ios-print.ts';

export type Ikev2DebugStyle = 'iosxe-17' | 'ios-15';

/** Which kind of line a message is: it picks the facility in `iosxe-17`. */
export type Ikev2LineClass = 'main' | 'internal' | 'packet' | 'error';

const IDS = '(SESSION ID = 1,SA ID = 1):';

/** The prefix of a message of `kind`, with (`sa`) or without (a global lookup) the session's IDs. */
export function ikev2Head(style: Ikev2DebugStyle, kind: Ikev2LineClass, sa: boolean): string {
  const ids = sa ? IDS : '';
  if (kind === 'error') return `IKEv2-ERROR:${ids}`;
  if (style === 'ios-15') return `IKEv2:${ids}`;
  // SM Trace and `Host is located NAT inside` under IKEv2-INTERNAL: are real (CREW in IKEv2.md); the lookups
  // (`Found Policy`, `% Matched peer block`) keep their 15.x text, no 17 capture prints them
  if (kind === 'internal') return `IKEv2-INTERNAL:${ids}`;
  // no capture prints an `IKEv2-PAK:` line: the facility is IKEv2.md 2.2's, the decode's form the 15.x one (FRAG)
  if (kind === 'packet') return `IKEv2-PAK:${ids}`;
  return `IKEv2:${ids}`;
}

/** `Mar  1 2024 10:00:00.008 UTC:` as `service timestamps debug datetime msec localtime show-timezone year` prints it. */
function timestampWithYear(at: number): string {
  // the 15.x stamp is `*Mar  1 10:00:00.008:` (the `*`: a clock never set); a clock that shows its year and zone was
  // set. The day keeps the 15.x padding (`Mar  1`): the real line's day (`Nov 30`) has two digits
  const plain = timestamp(at).slice(1, -1);
  return `${plain.slice(0, 6)} 2024${plain.slice(6)} UTC:`;
}

/** The time a line of the simulated debug carries. */
export function ikev2Timestamp(style: Ikev2DebugStyle, at: number): string {
  return style === 'ios-15' ? timestamp(at) : timestampWithYear(at);
}
