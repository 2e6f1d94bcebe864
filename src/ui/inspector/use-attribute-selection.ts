import { useState } from 'react';
import type { LineRef, Message, Negotiation } from '../../core/analysis.ts';
import { attributeConfigLines, type AttachedConfig } from '../../core/attach-config.ts';
import type { ConfigAttribute } from '../../core/config/relations.ts';

/**
 * The attribute of the selected message whose config lines are highlighted. Choosing another message clears
 * it; with none chosen, the message's own config lines are highlighted.
 */
export function useAttributeSelection(
  negotiation: Negotiation | undefined,
  message: Message | undefined,
  configs: readonly AttachedConfig[],
) {
  const [chosen, setChosen] = useState<{ message: Message; attribute: ConfigAttribute } | null>(null);
  const attribute = chosen && chosen.message === message ? chosen.attribute : null;
  const configLines: LineRef[] =
    attribute && negotiation && message ? attributeConfigLines(negotiation, message, attribute, configs) : (message?.config ?? []);
  const select = (next: ConfigAttribute | null) => setChosen(next && message ? { message, attribute: next } : null);
  return { attribute, select, configLines };
}
