import type { LineRef } from '../../core/ike/line-ref.ts';
import { useState } from 'react';
import type { Message } from '../../core/analysis.ts';
import type { ConfigAttribute } from '../../core/config/relations.ts';

/**
 * The attribute of the selected message whose config lines are highlighted. Choosing another message clears
 * it; with none chosen, the message's own config lines are highlighted.
 */
export function useAttributeSelection(message: Message | undefined) {
  const [chosen, setChosen] = useState<{ message: Message; attribute: ConfigAttribute } | null>(null);
  const attribute = chosen && chosen.message === message ? chosen.attribute : null;
  const configLines: LineRef[] = (attribute ? message?.configByAttribute?.[attribute] : message?.config) ?? [];
  const select = (next: ConfigAttribute | null) => setChosen(next && message ? { message, attribute: next } : null);
  return { attribute, select, configLines };
}
