/**
 * Is a pasted or dropped text a debug log or a router configuration? Configs hold `crypto isakmp policy`,
 * `crypto ikev2 keyring`, `crypto ipsec transform-set`, `interface` lines and no debug records; logs hold
 * `ISAKMP`, `IPSEC(` or `IKEv2` records.
 * Only the first 2,000 lines are read: enough for any real config.
 */
export type InputKind = 'log' | 'config';

const configStarts = [
  'crypto isakmp policy',
  'crypto isakmp key',
  'crypto ipsec transform-set',
  'crypto ipsec profile',
  'crypto map ',
  'crypto keyring',
  'crypto ikev2 ',
  'interface ',
  'tunnel protection',
  'set transform-set',
  'set peer',
  'match address',
  'access-list',
  'ip access-list',
];

/** `> R2(config-isakmp)#hash md5` → `hash md5`: configs are often pasted with quote marks and prompts. */
function withoutPrompt(line: string): string {
  const unquoted = line.startsWith('> ') ? line.slice(2) : line;
  const prompt = /^[\w.-]{1,64}\(config[\w-]{0,32}\)#/.exec(unquoted);
  return prompt ? unquoted.slice(prompt[0].length) : unquoted;
}

export function detectInputKind(text: string, name = ''): InputKind {
  const lower = name.toLowerCase();
  if (/\.(?:cfg|conf|config)(?:\.txt)?$/.test(lower) || lower.includes('running-config')) return 'config';
  let configLines = 0;
  let debugLines = 0;
  let start = 0;
  for (let count = 0; count < 2000 && start < text.length; count++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = withoutPrompt(text.slice(start, end).trim());
    start = end + 1;
    if (line.includes('ISAKMP') || line.includes('IPSEC(') || line.includes('%CRYPTO-') || line.includes('IKEv2:') || line.includes('IKEv2-')) debugLines++;
    else if (configStarts.some((s) => line.startsWith(s))) configLines++;
  }
  return configLines >= 2 && configLines > debugLines * 4 ? 'config' : 'log';
}
