/**
 * The URL hash keeps the selected negotiation and step (never the log itself): `#n=0&s=12`. A shared lab
 * exercise adds its own part, `#lab=<compressed>&n=0&s=12`, which moving through the steps keeps.
 */
export interface DeepLink {
  negotiation: number;
  step: number;
}

export function readDeepLink(hash: string): DeepLink {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const number = (key: string, fallback: number) => {
    const value = Number.parseInt(params.get(key) ?? '', 10);
    return Number.isFinite(value) ? value : fallback;
  };
  return { negotiation: Math.max(0, number('n', 0)), step: Math.max(-1, number('s', -1)) };
}

/** The lab exercise the hash holds (see ui/lab/share.ts), or null. */
export function readLabLink(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('lab');
}

/** The hash for `link`; a lab exercise in `current` (the page's hash by default) is kept. */
export function writeDeepLink(link: DeepLink, current: string = globalThis.location?.hash ?? ''): string {
  const lab = readLabLink(current);
  return `#${lab ? `lab=${lab}&` : ''}n=${link.negotiation}&s=${link.step}`;
}
