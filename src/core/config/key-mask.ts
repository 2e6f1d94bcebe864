/**
 * Pre-shared keys in IOS and ASA text (a config, a command typed at a prompt, show output in a log), found wherever
 * they stand on their line: `crypto isakmp key [0|6] KEY ...`, an IKEv1 keyring's `pre-shared-key address|hostname X
 * key KEY`, an IKEv2 keyring peer's `pre-shared-key [local|remote] [0|6] KEY`, the ASA's `ikev1 pre-shared-key KEY`
 * and `ikev2 local|remote-authentication pre-shared-key KEY`, an Easy VPN group's ` key KEY`, a key chain's
 * ` key-string KEY`, a row of `show crypto isakmp key` (keyring, address, key in three aligned columns), and those
 * commands typed at a prompt where IOS scrolled the line and hid its start (`R1(config)#$y SECRET address …`).
 * Each line is read on its own: a report shows lines picked anywhere in a log, in any order.
 */
import { plainSpaces } from '../ike/plain-spaces.ts';

const KEYS: readonly RegExp[] = [
  /(crypto isakmp key (?:[06] )?)(\S+)/,
  /(pre-shared-key (?:address|hostname) \S+(?: \S+)? key (?:[06] )?)(\S+)/,
  /(pre-shared-key (?!address |hostname )(?:local |remote )?(?:[06] )?)(\S+)/,
  // An Easy VPN group's or a key chain's key, indented or (typed unindented) at column 0.
  /^(\s*key(?:-string)? (?:[067] )?)(\S+)\s*$/,
  // A line IOS scrolled as it was typed (`#$`), its head hidden: `…key KEY address|hostname …`, `…address A key KEY`.
  /(#\$(?:.*? )?(?:k?e)?y (?:[06] )?)(\S+)(?= (?:address|hostname) )/,
  /(#\$.*?(?:address|hostname) \S+(?: \S+)? key (?:[06] )?)(\S+)/,
  /^(\s*[a-z][\w.-]{0,31} {2,}(?:\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?|[\da-f]{0,4}:[\da-f:.]{1,45}(?:\/\d{1,3})?|[a-z][\w-]{0,62}(?:\.[\w-]{1,63}){1,8})(?: +\[[\d.: ]{1,48}\])? {2,})(\S+)$/i,
];

function keyIn(line: string): RegExpExecArray | null {
  // a key line copied from a web page may hold no-break spaces: found in the plain line, at the same place
  const plain = plainSpaces(line);
  for (const pattern of KEYS) {
    const found = pattern.exec(plain);
    if (found !== null) return found;
  }
  return null;
}

/** True when the line holds a key that masking would hide. */
export function hasKey(line: string): boolean {
  return keyIn(line) !== null;
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
    const found = keyIn(line);
    if (!found) return line;
    const start = found.index + (found[1]?.length ?? 0);
    return `${line.slice(0, start)}${maskOf(found[2] ?? '')}${line.slice(start + (found[2]?.length ?? 0))}`;
  };
}
