import type { LineRef } from '../../core/ike/line-ref.ts';
import { useState } from 'react';
import type { Message } from '../../core/analysis.ts';
import type { ConfigAttribute } from '../../core/config/relations.ts';

/**
 * The attribute of the selected message whose deciding config lines (or implicit defaults) are highlighted.
 * Choosing another message clears it; with none chosen, the message's own config lines are highlighted.
 */
export function useAttributeSelection(message: Message | undefined) {
  const [chosen, setChosen] = useState<{ message: Message; attribute: ConfigAttribute } | null>(null);
  const attribute = chosen && chosen.message === message ? chosen.attribute : null;
  const configLines: LineRef[] = (attribute ? message?.configByAttribute?.[attribute] : message?.config) ?? [];
  // An attribute an unsaid IOS default decides points at that implicit line, not at its block's header.
  const configDefaults = (attribute ? message?.configDefaultsByAttribute?.[attribute] : undefined) ?? [];
  const select = (next: ConfigAttribute | null) => setChosen(next && message ? { message, attribute: next } : null);
  return { attribute, select, configLines, configDefaults };
}
