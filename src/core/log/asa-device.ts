/**
 * Whether a line's event shows the logging device is an ASA or FTD, not an IOS or IOS-XE router: the facility
 * prefixes of its IKEv2 debug (`IKEv2-PROTO-5:`, `IKEv2-PLAT-2:`; IOS prints `IKEv2:`, IOS-XE 17 `IKEv2-INTERNAL:`),
 * its system messages (`%ASA-5-713049:`, `%FTD-5-711001:`), its show crypto isakmp sa blocks (`Role    :`,
 * `State   : MM_ACTIVE`) and the words its show crypto ipsec sa puts in an SA's settings (`{L2L, Tunnel,
 * NAT-T-Encaps, IKEv1, }`, `{RA, Tunnel, }`; IOS prints `{Tunnel, }`, `{Tunnel UDP-Encaps, }`).
 */
import type { IkeEvent } from './events.ts';

export function showsAsa(e: IkeEvent): boolean {
  switch (e.type) {
    case 'ikev2':
      return e.facility === 'PROTO' || e.facility === 'PLAT';
    case 'syslog':
      return e.facility === 'ASA' || e.facility === 'FTD';
    case 'show-asa-ike-role':
    case 'show-asa-ike-state':
      return true;
    case 'show-ipsec-settings':
      return e.asaWords;
    default:
      return false;
  }
}
