import type { ConfigAttribute } from './relations.ts';

/**
 * The IOS defaults a config leaves unsaid, as the lines IOS would show for them, each placed after the line of
 * the block it belongs to: what the config pane prints inline, marked as defaults.
 */
export interface ImplicitLine {
  /** The config line it follows (1-based): the last line of its block; 0 for defaults of the whole router. */
  after: number;
  /** Indented as IOS shows it under its block, e.g. ` encryption des`. */
  text: string;
  why: string;
  /** The attribute it decides, and the header line of its block (0: the router as a whole). */
  attribute: ConfigAttribute;
  block: number;
}

/** What names one implicit line among a config's: the header line of its block and the attribute it decides. */
export const implicitLineKey = (block: number, attribute: ConfigAttribute) => `${block}:${attribute}`;
