/** "08:33:43.377" from milliseconds since midnight. */
export function formatTime(ms: number): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/** A message as the ladder labels it: its name, and for a resend the attempt ("MM5 ×3"). */
export function messageLabel(message: { name: string; retransmission: boolean; attempt: number }): string {
  return message.retransmission ? `${message.name} ×${message.attempt}` : message.name;
}
