/**
 * Pre-shared keys in IOS text (a config, or a command typed at a prompt in a log), found wherever the command
 * stands on its line: `crypto isakmp key [0|6] KEY ...` and a keyring's `pre-shared-key address|hostname X key KEY`.
 */
const ISAKMP_KEY = /(crypto isakmp key (?:[06] )?)(\S+)/;
const KEYRING_KEY = /(pre-shared-key (?:address|hostname) \S+(?: \S+)? key (?:[06] )?)(\S+)/;

/** True when the line holds a key that masking would hide. */
export function hasKey(line: string): boolean {
  return ISAKMP_KEY.test(line) || KEYRING_KEY.test(line);
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
    const found = ISAKMP_KEY.exec(line) ?? KEYRING_KEY.exec(line);
    if (!found) return line;
    const start = found.index + (found[1]?.length ?? 0);
    return `${line.slice(0, start)}${maskOf(found[2] ?? '')}${line.slice(start + (found[2]?.length ?? 0))}`;
  };
}
