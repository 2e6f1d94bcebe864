import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compareLines } from '../ike/line-ref.ts';
import type { Side } from '../ike/sides.ts';
import type { Message, Negotiation, Transition } from '../analysis.ts';
import { analyze } from '../analyze.ts';
import { labSetupOf, runLab } from '../sim/lab.ts';
import { findPreset } from '../sim/presets.ts';
import { linesPrintedBy } from './printed-by.ts';
import { ikeSaMessages } from './ikev2-messages.ts';
import { buildTimeline } from './timeline.ts';

/**
 * What any timeline must keep, on every real log of the corpus, the seed, and every lab preset (both routers'
 * logs together, and each alone): every message and state change once; a message after everything its sender
 * (or, when the sender's log is missing, its receiver) had logged before it; each router's state changes in
 * the order that router printed them.
 */
interface Input {
  name: string;
  files: { name: string; text: string }[];
}

const PRESETS = ['seed', 'psk-mismatch', 'p1-policy-mismatch', 'transform-mismatch', 'proxy-mismatch', 'pfs-mismatch', 'peer-unreachable', 'nat-t', 'aggressive'];

function inputs(): Input[] {
  const out: Input[] = [{ name: 'seed', files: [{ name: 'seed.txt', text: readFileSync('fixtures/seed/ios-ikev1-main-mode-debugs.txt', 'utf8') }] }];
  for (const file of readdirSync('fixtures/corpus').filter((f) => f.endsWith('.log')).sort()) {
    out.push({ name: file, files: [{ name: file, text: readFileSync(`fixtures/corpus/${file}`, 'utf8') }] });
  }
  for (const preset of PRESETS) {
    expect(findPreset(preset)).toBeTruthy();
    const run = runLab(labSetupOf(preset)!);
    if (!run.ok) throw new Error(run.error);
    out.push({ name: `${preset}, both routers`, files: run.files.filter((f) => f.kind === 'log') });
    for (const side of ['initiator', 'responder'] as const) out.push({ name: `${preset}, ${side} alone`, files: [{ name: side, text: run.debug[side] }] });
  }
  return out;
}

/** Where a router printed a message: its first line; an IKEv2 message's packet line (a router builds its next request while an exchange is open). */
const firstPrinted = (n: Negotiation, m: Message, side: Side) =>
  (n.ikeVersion === 2 ? m.packetLines?.[side] : undefined) ?? [...linesPrintedBy(n, m, side)].sort(compareLines)[0];

function allTransitions(n: Negotiation): Transition[] {
  if (n.ikeSa) return n.ikeSa.transitions;
  return [...n.phase1.transitions, ...n.phase2.flatMap((p) => p.transitions)];
}

function allMessages(n: Negotiation): Message[] {
  if (n.ikeSa) return ikeSaMessages(n.ikeSa);
  return [...n.phase1.messages, ...n.phase2.flatMap((p) => p.messages), ...n.informational];
}

describe('timeline order on real and simulated logs', () => {
  // Some corpus logs hold no negotiation (an IKEv2 excerpt of lookups, a list of algorithm warnings), nor does the
  // responder's log when the peer never reaches it: nothing to order there.
  const analysed = inputs().map((input) => ({ name: input.name, negotiations: analyze(input.files).negotiations }));
  test('the corpus, the seed and the presets give negotiations to check', () => {
    expect(analysed.filter((a) => a.negotiations.length > 0).length).toBeGreaterThanOrEqual(40);
  });
  for (const { name, negotiations } of analysed.filter((a) => a.negotiations.length > 0)) {
    describe(name, () => {
      negotiations.forEach((n, k) => {
        const timeline = buildTimeline(n);
        const messages = timeline.messageSteps.map((i) => (timeline.steps[i] as { message: Message }).message);

        test(`negotiation ${k}: every message and state change is one step`, () => {
          expect(new Set(messages)).toEqual(new Set(allMessages(n)));
          expect(messages).toHaveLength(allMessages(n).length);
          const transitions = timeline.steps.flatMap((s) => (s.kind === 'transition' ? [s.transition] : []));
          expect(new Set(transitions)).toEqual(new Set(allTransitions(n)));
          expect(transitions).toHaveLength(allTransitions(n).length);
        });

        test(`negotiation ${k}: each message after all its sender had logged before sending it`, () => {
          messages.forEach((m, at) => {
            const sender = firstPrinted(n, m, m.from) ? m.from : m.from === 'initiator' ? 'responder' : 'initiator';
            const own = firstPrinted(n, m, sender);
            if (!own) return;
            const later = messages.slice(at + 1).filter((x) => {
              const line = firstPrinted(n, x, sender);
              return line !== undefined && compareLines(line, own) < 0;
            });
            expect(later.map((x) => `${x.name}#${x.attempt}`), `${m.name}#${m.attempt} from ${m.from}`).toEqual([]);
          });
        });

        test(`negotiation ${k}: each router's state changes in its own log order`, () => {
          for (const side of ['initiator', 'responder'] as const) {
            const lines = timeline.steps.flatMap((s) => (s.kind === 'transition' && s.transition.side === side ? [s.transition.line] : []));
            expect(lines).toEqual([...lines].sort(compareLines));
          }
        });
      });
    });
  }
});
