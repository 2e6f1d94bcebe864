/**
 * An interface's statements → its addresses, its crypto map and its tunnel (source, destination, mode, protection);
 * and the addresses a router terminates IKE on, as far as its interfaces show them.
 */
import { formatIp, normalizeAddress, parseIp } from './address.ts';
import type { Interface } from './model.ts';
import { byDefault, set } from './setting.ts';
import type { ConfigStatement } from './statements.ts';

export function applyInterface(i: Interface, s: ConfigStatement): void {
  const tunnel = () => {
    i.tunnel ??= { source: null, destination: null, mode: byDefault('gre ip'), protection: null };
    return i.tunnel;
  };
  switch (s.kind) {
    case 'if-address':
      if (s.negotiated) i.negotiatedAddress = true;
      else if (s.match) i.addresses.push({ family: s.family, match: s.match, linkLocal: s.linkLocal, line: s.line });
      break;
    case 'if-crypto-map':
      i.cryptoMap = s.remove ? null : { name: s.map, line: s.line };
      break;
    case 'tunnel-source':
      tunnel().source = { value: s.value, line: s.line };
      break;
    case 'tunnel-destination':
      tunnel().destination = { address: normalizeAddress(s.address), line: s.line };
      break;
    case 'tunnel-mode':
      tunnel().mode = set(s.mode, s.line);
      break;
    case 'tunnel-protection':
      tunnel().protection = { profile: s.profile, line: s.line, shared: s.shared, ikev2Profile: s.ikev2Profile };
      break;
    default:
      break;
  }
}

/** The addresses a router terminates IKE on, as far as its config shows: physical interfaces and tunnel sources. */
export function localAddresses(interfaces: readonly Interface[]): { address: string; line: number }[] {
  const out: { address: string; line: number }[] = [];
  const add = (address: string, line: number) => {
    if (!out.some((o) => o.address === address)) out.push({ address, line });
  };
  for (const i of interfaces) {
    if (i.tunnel) {
      const src = i.tunnel.source;
      const ip = src ? parseIp(src.value) : null;
      if (src && ip) add(formatIp(ip), src.line);
      continue;
    }
    for (const a of i.addresses) if (!a.linkLocal) add(formatIp(a.match.address), a.line);
  }
  return out;
}
