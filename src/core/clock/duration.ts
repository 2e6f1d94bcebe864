/**
 * A gap between two times of one clock in words a reader takes in at a glance: "4 ms", "1.02 s", "10.0 s",
 * "2 min 5 s", "1 h 3 min". Rounded down at each unit, so a gap never reads longer than it was.
 */
export function formatDuration(ms: number): string {
  const whole = Math.max(0, Math.floor(ms));
  if (whole < 1000) return `${whole} ms`;
  if (whole < 10_000) return `${(Math.floor(whole / 10) / 100).toFixed(2)} s`;
  if (whole < 60_000) return `${(Math.floor(whole / 100) / 10).toFixed(1)} s`;
  if (whole < 3_600_000) return `${Math.floor(whole / 60_000)} min ${Math.floor(whole / 1000) % 60} s`;
  return `${Math.floor(whole / 3_600_000)} h ${Math.floor(whole / 60_000) % 60} min`;
}

/** The same, as an offset after something: "+1.02 s". */
export const formatDelta = (ms: number): string => `+${formatDuration(ms)}`;
