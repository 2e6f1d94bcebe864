import type { IpsecSa, Phase2 } from '../analysis.ts';

/** The SPIs of a phase 2: its last inbound and last outbound SA (a rekey replaces earlier ones), or null. */
export function spiPair(sas: readonly IpsecSa[]): Phase2['spis'] {
  const inbound = lastSa(sas, 'inbound');
  const outbound = lastSa(sas, 'outbound');
  return inbound && outbound ? { inbound: inbound.spi, outbound: outbound.spi } : null;
}

function lastSa(sas: readonly IpsecSa[], direction: IpsecSa['direction']): IpsecSa | null {
  for (let i = sas.length - 1; i >= 0; i -= 1) {
    const s = sas[i];
    if (s && s.direction === direction) return s;
  }
  return null;
}
