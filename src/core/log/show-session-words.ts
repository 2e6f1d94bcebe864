/**
 * The lines of `show crypto session [detail]` that change nothing, in words: its heading and legend, a session's
 * uptime, capabilities and counters (Microsoft's Azure guide prints them for a CSR1000v's IKEv2 tunnels,
 * fixtures/ikev2/show/show-crypto-session-detail-ikev2-sa-two-tunnels-azure-doc.log).
 */
export const SESSION_DETAIL_WORDS: readonly [string, string][] = [
  ['Crypto session current status', 'show crypto session: the crypto sessions follow.'],
  ['Code: C - IKE Configuration mode', 'The legend of the Capabilities letters (C mode config, D dead peer detection, …).'],
  ['K - Keepalives', 'The legend of the Capabilities letters, continued.'],
  ['X - IKE Extended Authentication', 'The legend of the Capabilities letters, continued.'],
  ['R - IKE Auto Reconnect', 'The legend of the Capabilities letters, continued.'],
  ['S - SIP VPN', 'The legend of the Capabilities letters, continued.'],
  ['Uptime:', 'How long this crypto session has been up.'],
  ['Capabilities:', "The session's capabilities by the legend's letters (D dead peer detection, N NAT-T, F fragmentation), its connection id and remaining lifetime."],
  ['Inbound:  #pkts', 'Packets decrypted (and dropped) on this flow, and the inbound SA lifetime left (kilobytes/seconds).'],
  ['Outbound: #pkts', 'Packets encrypted (and dropped) on this flow, and the outbound SA lifetime left (kilobytes/seconds).'],
  ['Profile:', 'The IKE profile this session matched.'],
  ['Session ID:', "The crypto session's number."],
  ['Phase1_id:', "The peer's IKE identity."],
  ['Desc:', "The session's description."],
];

/** Whether a line opens `show crypto session` output pasted without its command (genieparser's captures start so). */
export function startsSessionBlock(t: string): boolean {
  if (t.startsWith('Crypto session current status') || t.startsWith('Code: C - IKE Configuration mode')) return true;
  // a session pasted without the command and heading: `Interface: Ethernet0/1` (show dmvpn's own `Interface:` line
  // goes on with `, IPv4 NHRP Details`), or its `Session status: UP-ACTIVE`
  return (t.startsWith('Interface: ') && t.indexOf(' ', 11) < 0) || t.startsWith('Session status: ');
}

/** Their starts: `show crypto session` output that goes on. */
export const SESSION_DETAIL_LINES: readonly string[] = SESSION_DETAIL_WORDS.map(([start]) => start);
