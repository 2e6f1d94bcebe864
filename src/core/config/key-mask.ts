/**
 * Pre-shared keys in IOS and ASA text (a config, a command typed at a prompt, show output in a log), found wherever
 * they stand on their line: `crypto isakmp key [0|6] KEY ...`, an IKEv1 keyring's `pre-shared-key address|hostname X
 * key KEY`, an IKEv2 keyring peer's `pre-shared-key [local|remote] [0|6] KEY`, the ASA's `ikev1 pre-shared-key KEY`
 * and `ikev2 local|remote-authentication pre-shared-key KEY`, an Easy VPN group's ` key KEY`, a key chain's
 * ` key-string KEY`, a row of `show crypto isakmp key` (keyring, address, key in three aligned columns), and those
 * commands typed at a prompt where IOS scrolled the line and hid its start (`R1(config)#$y SECRET address …`); an
 * IKEv2 profile's `authentication local|remote pre-share key KEY`; and the other secrets of a config (OTHER_SECRETS).
 * Each line is read on its own: a report shows lines picked anywhere in a log, in any order.
 */
import { plainSpaces } from '../ike/plain-spaces.ts';

const KEYS: readonly RegExp[] = [
  /(crypto isakmp key (?:[06] )?)(\S+)/,
  /(pre-shared-key (?:address|hostname) \S+(?: \S+)? key (?:[06] )?)(\S+)/,
  /(pre-shared-key (?!address |hostname )(?:local |remote )?(?:hex )?(?:[06] )?)(\S+)/,
  // an IKEv2 profile's own key: `authentication local|remote pre-share key [0|6] KEY`
  /(authentication (?:local|remote) pre-share key (?:[06] )?)(\S+)/,
  // An Easy VPN group's or a key chain's key, indented or (typed unindented) at column 0.
  /^(\s*key(?:-string)? (?:[067] )?)(\S+)\s*$/,
  // A line IOS scrolled as it was typed (`#$`), its head hidden: `…key KEY address|hostname …`, `…address A key KEY`.
  /(#\$(?:.*? )?(?:k?e)?y (?:[06] )?)(\S+)(?= (?:address|hostname) )/,
  /(#\$.*?(?:address|hostname) \S+(?: \S+)? key (?:[06] )?)(\S+)/,
  /^(\s*[a-z][\w.-]{0,31} {2,}(?:\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?|[\da-f]{0,4}:[\da-f:.]{1,45}(?:\/\d{1,3})?|[a-z][\w-]{0,62}(?:\.[\w-]{1,63}){1,8})(?: +\[[\d.: ]{1,48}\])? {2,})(\S+)$/i,
];

/**
 * The other secrets a running-config (or a command typed at a prompt) holds beside the IKE keys, in the forms of
 * IOS's and the ASA's commands: manual IPsec keys, local users, enable, line and FTP passwords, PPP, L2TP,
 * TACACS+/RADIUS, NTP, routing protocol and HSRP keys, SNMP communities and users. A config attached to a case
 * carries them all. Each is looked for on every line, as a line may hold two (ESP's cipher and authenticator keys).
 */
const OTHER_SECRETS: readonly RegExp[] = [
  // a crypto map's manual IPsec keys (`ipsec-manual`): AH's key after its SPI, ESP's cipher and authenticator keys
  /(set session-key (?:in|out)bound ah \d+ )(\S+)/,
  /(set session-key (?:in|out)bound esp \d+ cipher (?:\d )?)(\S+)/,
  /(set session-key (?:in|out)bound esp .*?authenticator (?:\d )?)(\S+)/,
  /((?:^|#)\s*username \S+ (?:.*? )?(?:password|secret) (?:\d )?)(\S+)/,
  /((?:^|#)\s*enable (?:secret|password) (?:level \d+ )?(?:\d )?)(\S+)/,
  /((?:^|#)\s*passwd )(\S+)/,
  /(^\s+password (?:[07] )?)(\S+)/,
  /(ip ftp password (?:[07] )?)(\S+)/,
  /(ppp chap password (?:[07] )?)(\S+)/,
  /(ppp pap sent-username \S+ password (?:[07] )?)(\S+)/,
  /(l2tp tunnel password (?:[07] )?)(\S+)/,
  /((?:tacacs|radius)-server (?:host \S+ (?:.*? )?)?key (?:[07] )?)(\S+)/,
  /(ntp authentication-key \d+ md5 )(\S+)/,
  /(ip ospf authentication-key (?:[07] )?)(\S+)/,
  /(ip ospf message-digest-key \d+ md5 (?:[07] )?)(\S+)/,
  /(neighbor \S+ password (?:[07] )?)(\S+)/,
  /((?:isis password|domain-password|area-password) )(\S+)/,
  /(standby (?:\d+ )?authentication (?!md5 key-chain )(?:md5 key-string (?:[07] )?|text )?)(\S+)/,
  /(snmp-server community )(\S+)/,
  /(snmp-server user .*? auth (?:md5|sha) )(\S+)/,
  /(snmp-server user .*? priv (?:des|3des|aes(?: \d+)?) )(\S+)/,
];

interface Span {
  start: number;
  end: number;
}

/** Where the line's secrets stand, in order and not overlapping: a line may hold two (ESP's cipher and authenticator keys). */
function secretsIn(line: string): Span[] {
  // a key line copied from a web page may hold no-break spaces: found in the plain line, at the same place
  const plain = plainSpaces(line);
  const spans: Span[] = [];
  const take = (found: RegExpExecArray | null) => {
    if (found === null) return;
    const start = found.index + (found[1]?.length ?? 0);
    const end = start + (found[2]?.length ?? 0);
    if (end > start && !spans.some((s) => s.start < end && start < s.end)) spans.push({ start, end });
  };
  // the IKE key patterns overlap one another: the first that matches decides
  for (const pattern of KEYS) {
    const found = pattern.exec(plain);
    if (found !== null) {
      take(found);
      break;
    }
  }
  for (const pattern of OTHER_SECRETS) take(pattern.exec(plain));
  return spans.sort((a, b) => a.start - b.start);
}

/** True when the line holds a key that masking would hide. */
export function hasKey(line: string): boolean {
  return secretsIn(line).length > 0;
}

/**
 * A masker for one text, or several shown together: each key becomes asterisks, different keys different
 * masks (`*****`, `*****-2`) and equal keys the same, so what was said of two keys (equal or not) still holds.
 */
export function keyMasker(): (line: string) => string {
  const masks = new Map<string, string>();
  const maskOf = (key: string) => {
    const known = masks.get(key);
    if (known) return known;
    const mask = masks.size === 0 ? '*****' : `*****-${masks.size + 1}`;
    masks.set(key, mask);
    return mask;
  };
  return (line) => {
    const spans = secretsIn(line);
    if (spans.length === 0) return line;
    let out = '';
    let from = 0;
    for (const { start, end } of spans) {
      out += line.slice(from, start) + maskOf(line.slice(start, end));
      from = end;
    }
    return out + line.slice(from);
  };
}
