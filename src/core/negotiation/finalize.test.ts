/**
 * The finalize stage on drafts built from real logs (the seed, corpus files, the lab's simulated two-router
 * output): a draft told one-sided (`one-sided.ts`), two routers' drafts of one exchange merged (`merge.ts`),
 * the contract's messages (`contract-view.ts`), and the records pointed at the negotiations they became.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Message, Negotiation } from '../analysis.ts';
import { AddressBook } from '../log/addresses.ts';
import { LineSplitter } from '../log/lines.ts';
import { RecordTableBuilder } from '../log/record-table.ts';
import { LogReader } from '../log/records.ts';
import { labSetupOf, runLab } from '../sim/lab.ts';
import type { SimFaults } from '../sim/trace.ts';
import { NegotiationBuilder } from './build.ts';
import { finalizeNegotiations } from './finalize.ts';
import { merged } from './merge.ts';
import { oneSided, toSided } from './one-sided.ts';

const read = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');

/** The drafts the reader and the builder make of some log files, as analyze() reads them. */
function drafts(files: readonly string[]): { builder: NegotiationBuilder; records: RecordTableBuilder } {
  const records = new RecordTableBuilder();
  const builder = new NegotiationBuilder(records);
  files.forEach((text, file) => {
    builder.startFile(file);
    const reader = new LogReader(file, records, [], new AddressBook(), builder);
    const splitter = new LineSplitter((raw, _ending, number) => reader.line(raw, number));
    splitter.push(text);
    splitter.finish();
    reader.finish();
  });
  return { builder, records };
}

const finalized = (files: readonly string[]): Negotiation[] => {
  const { builder, records } = drafts(files);
  return finalizeNegotiations(builder, records).negotiations;
};

/** A lab preset's two routers' simulated logs. */
function lab(preset: string, faults?: SimFaults): { initiator: string; responder: string } {
  const setup = labSetupOf(preset);
  if (!setup) throw new Error(`no preset ${preset}`);
  const run = runLab(faults ? { ...setup, faults } : setup);
  if (!run.ok) throw new Error(run.error);
  return run.debug;
}

const messagesOf = (n: Negotiation): Message[] => [...n.phase1.messages, ...n.phase2.flatMap((p) => p.messages), ...n.informational];
const told = (messages: readonly Message[]): string[] => messages.map((m) => `${m.name}#${m.attempt}${m.retransmission ? '*' : ''}${m.delivery ? `:${m.delivery}` : ''}`);
const sameLines = (m: Message) => [...(m.sideLines?.initiator ?? []), ...(m.sideLines?.responder ?? [])].sort((a, b) => a.file - b.file || a.line - b.line);

describe('two routers merged', () => {
  const seed = lab('seed');
  const cases = [
    { name: 'the seed, both routers in one paste (R3 first)', files: () => [read('seed/ios-ikev1-main-mode-debugs.txt')], initiator: '2001:DB8::2', responder: '2001:DB8::3' },
    { name: "the lab's seed, one file per router", files: () => [seed.initiator, seed.responder], initiator: '2001:DB8::2', responder: '2001:DB8::3' },
  ];
  for (const c of cases) {
    test(`${c.name}: one negotiation, role both, local the initiator and peer the responder`, () => {
      const [n, ...rest] = finalized(c.files());
      expect(rest).toEqual([]);
      expect(n?.role).toBe('both');
      expect(n?.local.toUpperCase()).toBe(c.initiator);
      expect(n?.peer.toUpperCase()).toBe(c.responder);
      expect(n?.routers.initiator.address.toUpperCase()).toBe(c.initiator);
      expect(n?.routers.responder.address.toUpperCase()).toBe(c.responder);
    });

    test(`${c.name}: each message once, with both routers' lines and no dir`, () => {
      const [n] = finalized(c.files());
      expect(told(n!.phase1.messages)).toEqual(['MM1#1', 'MM2#1', 'MM3#1', 'MM4#1', 'MM5#1', 'MM6#1']);
      expect(n!.phase2.map((p) => told(p.messages))).toEqual([['QM1#1', 'QM2#1', 'QM3#1']]);
      for (const m of [...n!.phase1.messages, ...n!.phase2.flatMap((p) => p.messages)]) {
        expect('dir' in m, `${m.name} has no dir`).toBe(false);
        expect(m.sideLines?.initiator.length, `${m.name}: the initiator's lines`).toBeGreaterThan(0);
        expect(m.sideLines?.responder.length, `${m.name}: the responder's lines`).toBeGreaterThan(0);
        // the message's lines are the two routers' lines, each once
        expect([...m.lines].sort((a, b) => a.file - b.file || a.line - b.line)).toEqual(sameLines(m));
        // the packet line in each router's log
        expect(m.packetLines?.initiator).toBeDefined();
        expect(m.packetLines?.responder).toBeDefined();
      }
    });
  }

  test("one file per router: the initiator's lines are all in its file, the responder's in the other", () => {
    const [n] = finalized([seed.initiator, seed.responder]);
    for (const m of messagesOf(n!)) {
      expect(m.sideLines?.initiator.every((l) => l.file === 0)).toBe(true);
      expect(m.sideLines?.responder.every((l) => l.file === 1)).toBe(true);
    }
  });

  test('merged from the two one-sided drafts: each message holds the lines both routers gave it', () => {
    // the same drafts told one-sided (built twice: telling a draft takes its messages)
    const alone = (file: 0 | 1) => {
      const { builder } = drafts([seed.initiator, seed.responder]);
      const d = builder.drafts.find((x) => x.messages.all.length > 0 && x.messages.all[0]?.lines[0]?.file === file);
      if (!d) throw new Error(`no draft of file ${file}`);
      return oneSided(toSided(d), 0);
    };
    const [i, r] = [alone(0), alone(1)];
    expect([i.role, r.role]).toEqual(['initiator', 'responder']);
    const { builder } = drafts([seed.initiator, seed.responder]);
    const [di, dr] = [0, 1].map((file) => builder.drafts.find((x) => x.messages.all[0]?.lines[0]?.file === file)!);
    const both = merged(toSided(di!), toSided(dr!), 0);
    expect(both.phase1.messages.map((m) => m.name)).toEqual(i.phase1.messages.map((m) => m.name));
    both.phase1.messages.forEach((m, k) => {
      expect(m.sideLines?.initiator).toEqual(i.phase1.messages[k]?.lines);
      expect(m.sideLines?.responder).toEqual(r.phase1.messages[k]?.lines);
    });
  });

  test('records point at the negotiation their draft became', () => {
    const { builder, records } = drafts([seed.initiator, seed.responder]);
    const [n] = finalizeNegotiations(builder, records).negotiations;
    const table = records.table();
    // one negotiation: every record is in it or in none (the prompts, the debug commands)
    expect([...new Set(table.negotiation)].every((x) => x === -1 || x === 0)).toBe(true);
    const first = n!.phase1.messages[0]!.lines[0]!;
    const record = [...table.file.keys()].find((k) => table.file[k] === first.file && table.line[k] === first.line);
    expect(table.negotiation[record!]).toBe(0);
  });
});

describe('one router alone', () => {
  test('corpus 01, an initiator: every message keeps dir, out from the initiator and in from the responder, one router\'s lines', () => {
    const [n, ...rest] = finalized([read('corpus/01-mm-qm-success-initiator-iosxe-cryptomap.log')]);
    expect(rest).toEqual([]);
    expect(n?.role).toBe('initiator');
    const messages = [...n!.phase1.messages, ...n!.phase2.flatMap((p) => p.messages)];
    expect(messages.length).toBeGreaterThan(6);
    for (const m of messages) {
      expect(m.dir, m.name).toBe(m.from === 'initiator' ? 'out' : 'in');
      expect(m.sideLines).toBeUndefined();
    }
  });

  test("corpus 10, two routers in one paste: R2's refused phase 1 stays one-sided, its Quick Mode checks join R1's requests", () => {
    const negotiations = finalized([read('corpus/10-p1-keylength-mismatch-and-p2-transform-mismatch-transcribed.log')]);
    expect(negotiations.map((n) => [n.role, n.routers.initiator.name, n.routers.responder.name])).toEqual([
      ['both', 'R1', 'R2'],
      ['responder', '15.1.1.1', 'R2'],
    ]);
    // the refused first message is R2's alone: it never joins R1's phase 1, which completed. R2's lines (a
    // `(N)` packet, a policy check) do not show the mode, so it is named by its place only and no mode is said
    expect(negotiations[1]!.phase1.messages.map((m) => [m.name, m.dir])).toEqual([['MM1/AM1', 'in']]);
    expect(negotiations[1]!.phase1.mode).toBeNull();
    expect(negotiations[0]!.phase1.messages.every((m) => m.dir === undefined)).toBe(true);
  });

  test("the lab's seed, the responder's log alone: role responder, MM1 in and MM2 out", () => {
    const [n] = finalized([lab('seed').responder]);
    expect(n?.role).toBe('responder');
    expect(n?.phase1.messages.slice(0, 2).map((m) => [m.name, m.from, m.dir])).toEqual([
      ['MM1', 'initiator', 'in'],
      ['MM2', 'responder', 'out'],
    ]);
  });
});

describe('lost, unanswered and resent', () => {
  const lostMm3: SimFaults = { lose: [{ from: 'initiator', message: 'MM3' }] };

  test("both logs, the first MM3 never arrived: the responder's log shows it lost, its resend once", () => {
    const { initiator, responder } = lab('seed', lostMm3);
    const [n] = finalized([initiator, responder]);
    // the responder, waiting for MM3, resent MM2 too (the timeline orders them; here each copy once)
    expect(told(n!.phase1.messages).sort()).toEqual(['MM1#1', 'MM2#1', 'MM2#2*', 'MM3#1:lost', 'MM3#2*', 'MM4#1', 'MM5#1', 'MM6#1']);
    const [first, again] = n!.phase1.messages.filter((m) => m.name === 'MM3');
    expect(first?.sideLines?.responder).toEqual([]);
    expect(again?.sideLines?.responder.length).toBeGreaterThan(0);
  });

  test("the initiator's log alone: the same resend, nothing shows a loss", () => {
    const [n] = finalized([lab('seed', lostMm3).initiator]);
    expect(told(n!.phase1.messages).sort()).toEqual(['MM1#1', 'MM2#1', 'MM2#2*', 'MM3#1', 'MM3#2*', 'MM4#1', 'MM5#1', 'MM6#1']);
  });

  test('psk-mismatch, both logs: each resend once, the initiator resending MM5 and the responder MM4, none lost', () => {
    const { initiator, responder } = lab('psk-mismatch');
    const [n] = finalized([initiator, responder]);
    const resends = (name: string, from: string) => n!.phase1.messages.filter((m) => m.name === name && m.from === from && m.retransmission).length;
    expect(resends('MM5', 'initiator')).toBe(5);
    expect(resends('MM4', 'responder')).toBe(5);
    expect(n!.phase1.messages.some((m) => m.delivery !== undefined)).toBe(false);
    // merging adds no copy: as many MM5s as the initiator's log alone has
    const [alone] = finalized([initiator]);
    expect(n!.phase1.messages.filter((m) => m.name === 'MM5').length).toBe(alone!.phase1.messages.filter((m) => m.name === 'MM5').length);
  });

  test("psk-mismatch, the initiator's log alone: its MM5s unanswered, none lost", () => {
    const [n] = finalized([lab('psk-mismatch').initiator]);
    const mm5 = n!.phase1.messages.filter((m) => m.name === 'MM5');
    expect(mm5.map((m) => m.delivery)).toEqual(mm5.map(() => 'unanswered'));
    expect(n!.phase1.messages.some((m) => m.delivery === 'lost')).toBe(false);
  });

  test("peer-unreachable, the initiator's log alone: MM1 sent six times, unanswered, never lost", () => {
    const [n] = finalized([lab('peer-unreachable').initiator]);
    expect(told(n!.phase1.messages)).toEqual(['MM1#1:unanswered', 'MM1#2*:unanswered', 'MM1#3*:unanswered', 'MM1#4*:unanswered', 'MM1#5*:unanswered', 'MM1#6*:unanswered']);
  });
});
