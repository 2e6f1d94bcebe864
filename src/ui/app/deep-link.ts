/** The URL hash keeps the selected negotiation and step (never the log itself): `#n=0&s=12`. */
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

export function writeDeepLink(link: DeepLink): string {
  return `#n=${link.negotiation}&s=${link.step}`;
}
