/**
 * A command IOS scrolled as it was typed: past the terminal's width, IOS shows `$` where the start went off the
 * left edge (`Router(config)#$c transform-set MY_SET esp-aes esp-sha-hmac`), or at the right where the end
 * is not shown (`…192.168.20.0 0$`). The start is restored when the words left name one command only: the
 * hidden part is the rest of a known command's head (`crypto ipse` + `c transform-set`), or, with nothing of the
 * head left, a numbered access list's entry (`$ 100 permit ip …`). Whether the result is a command at all is the
 * statement parser's to say: the caller passes it in.
 */

/** The heads of the commands long enough to scroll, as IOS takes them in full. */
const HEADS: readonly string[] = [
  'crypto ipsec transform-set',
  'crypto ipsec profile',
  'crypto ipsec security-association lifetime',
  'crypto isakmp policy',
  'crypto isakmp key',
  'crypto isakmp profile',
  'crypto isakmp keepalive',
  'crypto isakmp nat keepalive',
  'crypto keyring',
  'crypto map',
  'crypto dynamic-map',
  'ip access-list extended',
  'tunnel protection ipsec profile',
  'pre-shared-key address',
  'match identity address',
  'set transform-set',
  'set security-association lifetime',
  'set isakmp-profile',
];

/** True when IOS hid the end of the command (a `$` closing it). */
export function endHidden(command: string): boolean {
  return command.length > 1 && command.endsWith('$');
}

/**
 * The command whose start IOS hid behind the `$` it begins with, or null when the words left fit no command or
 * more than one. `parses` tells whether a restored command is one.
 */
export function restoreScrolled(command: string, parses: (command: string) => boolean): { command: string; hidden: string } | null {
  if (!command.startsWith('$') || endHidden(command)) return null;
  const visible = command.slice(1);
  const found = new Map<string, string>();
  const consider = (hidden: string) => {
    const restored = hidden + visible;
    if (!found.has(restored) && parses(restored)) found.set(restored, hidden);
  };
  if (/^ \d+ (?:permit|deny) /.test(visible)) consider('access-list');
  else {
    for (const head of HEADS) {
      // The visible text starts with the head's tail, cut at a word's end: `c transform-set` of `crypto ipsec transform-set`.
      for (let cut = 1; cut < head.length; cut++) {
        const tail = head.slice(cut);
        if (visible.startsWith(tail) && (visible.length === tail.length || visible[tail.length] === ' ')) consider(head.slice(0, cut));
      }
    }
  }
  if (found.size !== 1) return null;
  const [restored, hidden] = [...found.entries()][0] ?? ['', ''];
  return { command: restored, hidden };
}
