/**
 * The context production gives the rules, for tests that read one text: its first negotiation as analyze()
 * builds it, with the events it keeps as evidence and the sides the builder gave them.
 */
import { analyze } from '../analyze.ts';
import type { DiagnosisContext } from './context.ts';
import { DiagnosisMemo } from './memo.ts';

export function analyzedContext(text: string, configs: DiagnosisContext['configs'] = {}): DiagnosisContext {
  const negotiation = analyze([{ name: 'log', text }]).negotiations[0];
  if (negotiation === undefined) throw new Error('no negotiation in the text');
  return { negotiation, events: negotiation.evidence, configs, memo: new DiagnosisMemo() };
}
