/**
 * parseRecords: classify each line and join continuation lines to the record they belong to (ID payload
 * blocks, IPSEC(...) key-engine blocks, `SA authentication status:` + `authenticated`, NOTIFY `spi ...`
 * lines, wrapped lines, a debug line split in two by ping output and a prompt). Streaming: lines go in one
 * at a time, records come out as soon as they are complete, each with its events.
 */
import { LINE_KIND_CODE as KIND } from '../ike/line-kinds.ts';
import type { LineRef } from '../ike/line-ref.ts';
import { AddressBook } from './addresses.ts';
import { ByteColumn, IntColumn } from './columns.ts';
import { Annotator } from './describe.ts';
import type { IkeEvent, IkeEventBody } from './events.ts';
import { EMBEDDED_MIN_LENGTH, embeddedRecords, readEmbedded, type EmbeddedSpan } from './embedded.ts';
import { extractRecord, type RecordText } from './extract.ts';
import { accepts, continues, idText, PROMPT, type OpenRecord } from './continuation.ts';
import { CLI_ERROR, COMMAND_WORDS, gluedRecord } from './prompt-line.ts';
import { CheckPhases } from './check-phase.ts';
import { looksCut } from './cut-off.ts';
import { parseHead } from './head.ts';
import { OwnedStrings } from './owned-strings.ts';
import { RecordTableBuilder } from './record-table.ts';
import { recurringEvent } from './recurring-event.ts';
import { isRecurring, RecurringLines } from './recurring-lines.ts';
import { isRecurringIkev2, recurringIkev2Event, recurringIkev2Text } from './ikev2/recurring.ts';
import type { IpsecContext } from './ipsec.ts';
import { lexLine, type Lexed } from './lex.ts';
import { LastStamp } from './month-stamp.ts';
import { plainSpaces } from '../ike/plain-spaces.ts';
import { looksLikeShowLine, showBlockStart, showCommand, showEvent, type ShowState } from './show.ts';
import { ikev2ShowText, startsIkev2Show } from './show-ikev2.ts';

/** Receives what the reader produces: every event in order, and the number of each record's first line. */
export interface RecordSink {
  event(e: IkeEvent): void;
}

/** Per-file output: one kind and one record index per line. */
export interface FileColumns {
  kinds: ByteColumn;
  records: IntColumn;
}

export class LogReader {
  readonly columns: FileColumns = { kinds: new ByteColumn(), records: new IntColumn() };
  /** The record whose continuation lines may still come; one object reused for every record. */
  private readonly cur: OpenRecord = { index: -1, line: 0, body: '', time: null, head: null, accepts: 'none', more: [], rawFirst: '' };
  private isOpen = false;
  private readonly text: RecordText = { head: null, first: '', more: [], accepts: 'none', rawFirst: '' };
  /** Events of recurring context-free lines, by the text after the conn-id. */
  private readonly seen = new RecurringLines();
  /** IKEv2's, by the message after the prefix. */
  private readonly seenIkev2 = new RecurringLines();
  /** The events' strings, detached from the input: the analysis keeps many of them. */
  private readonly strings = new OwnedStrings();
  private show: ShowState | null = null;
  /** The number of the last line that was not blank, to tell a record the paste cut off. */
  private lastFilled = 0;
  /** The body of the last line found not understood: whether it looks cut off. */
  private lastUnrecognizedBody: string | null = null;
  /** The sender a syslog collector named on the last line that had one. */
  private source: string | null = null;
  private awaiting: { line: number; record: number; text: string; time: number | null; left: number } | null = null;
  private readonly ipsec: IpsecContext = { legacyDirection: null, legacyDest: null };
  private readonly checks = new CheckPhases();
  /** Reused for every line: the lexed fields are read before the next line comes. */
  private readonly lastStamp = new LastStamp();
  private readonly scratch: Lexed = { body: '', bodyStart: 0, indent: 0, time: null, stamped: false, quoted: false, bulleted: false, ping: null, note: null, source: null };

  constructor(
    private readonly file: number,
    private readonly records: RecordTableBuilder,
    private readonly unrecognized: LineRef[],
    private readonly book: AddressBook,
    private readonly sink: RecordSink,
    /** The analysis' annotator: its memo is shared by every file of one analysis and goes with it. */
    private readonly annotator = new Annotator(),
  ) {}

  /**
   * One line, numbered from 1, without its ending. `plain`: the caller knows the line holds plain spaces only
   * (it checked the chunk the line was cut from), so it need not be read for unusual ones.
   */
  line(text: string, number: number, plain = false): void {
    let raw = plain ? text : plainSpaces(text);
    let lexed = lexLine(raw, this.scratch, this.lastStamp);
    const { kinds, records } = this.columns;
    kinds.push(KIND.prose);
    records.push(-1);
    const at = number - 1;
    if (this.awaiting) {
      this.awaiting.left -= 1;
      if (this.awaiting.left < 0) this.awaiting = null;
    }
    if (lexed.body.length > 0 || lexed.stamped || lexed.ping !== null) this.lastFilled = number;
    if (lexed.body.length === 0) {
      if (lexed.stamped) {
        this.close();
        const index = this.newRecord(number, lexed.time);
        kinds.set(at, KIND.unrecognized);
        records.set(at, index);
        this.unrecognized.push({ file: this.file, line: number });
        this.lastUnrecognizedBody = '';
      } else if (lexed.ping !== null) {
        kinds.set(at, KIND.prose);
      } else {
        kinds.set(at, KIND.blank);
      }
      return;
    }
    if (lexed.source !== null && lexed.source !== this.source) {
      // a syslog collector's file holds the lines of every router that logs to it: each sender is a router of its own
      this.source = lexed.source;
      this.close();
      // the switch is the builder's to know; the line is said by its own record
      this.emit({ type: 'log-source', name: lexed.source }, number, this.newRecord(number, null), null, null);
    }
    const open = this.isOpen ? this.cur : null;
    if (open !== null && open.accepts !== 'none' && continues(open, lexed, raw)) {
      open.more.push(open.accepts === 'id' ? idText(lexed.body) : lexed.body);
      kinds.set(at, KIND.continuation);
      records.set(at, open.index);
      if (open.accepts === 'wrap' || open.accepts === 'auth' || open.accepts === 'contact' || open.accepts === 'identity' || open.accepts === 'notify') {
        this.close();
      }
      return;
    }
    this.close();
    if (raw.length > EMBEDDED_MIN_LENGTH) {
      const spans = embeddedRecords(raw);
      if (spans !== null) {
        this.show = null;
        this.embedded(raw, spans, number, at);
        return;
      }
    }
    let body = lexed.body;
    if (!lexed.stamped) {
      const prompt = body.indexOf('#') > 0 ? PROMPT.exec(body) : null;
      if (prompt) {
        const rest = prompt[2] ?? '';
        const glued = this.awaiting === null ? gluedRecord(rest) : null;
        if (glued === null) {
          this.prompt(prompt[1] ?? null, rest, number, at);
          return;
        }
        // a debug line printed right after the prompt, on the same line: the prompt names the router, the rest is read as a line
        this.awaiting = null;
        this.emitSimple(number, at, KIND.prompt, null, { type: 'prompt', name: prompt[1] ?? null, command: '' }, null);
        raw = rest;
        lexed = glued;
        body = lexed.body;
      }
    }
    if (!lexed.stamped) {
      const c0 = body.charCodeAt(0);
      const bare = c0 === 115 || c0 === 100 || c0 === 83 ? showCommand(body) : null;
      if (bare !== null && bare !== 'other' && body.length < 80) {
        this.show = { command: bare, section: null };
        this.emitSimple(number, at, KIND.prompt, lexed.time, { type: 'prompt', name: null, command: body.trim() }, null);
        return;
      }
      // show output pasted without its command: the block's own heading or first words open it
      const start = showBlockStart(body);
      if (start !== null && (this.show === null || this.show.missed === true || this.show.command !== start)) this.show = { command: start, section: null };
      // IKEv2 show output pasted without its command (`IPv4 Crypto IKEv2 SA`, the `Tunnel-id` header)
      if (this.show?.command !== 'ikev2' && (c0 === 73 || c0 === 84 || c0 === 67) && startsIkev2Show(body)) this.show = { command: 'ikev2', section: null };
      if (this.show !== null) {
        const text = this.show.command === 'ikev2' ? ikev2ShowText(raw, body) : body;
        // `show dmvpn` prints its headers and tables unindented: its output lasts until a prompt or a debug line
        if (this.show.missed !== true && (lexed.indent > 0 || looksLikeShowLine(body) || (this.show.command === 'dmvpn' && parseHead(body) === null))) {
          this.emitSimple(number, at, KIND.show, null, showEvent(text, this.show, this.book), null);
          return;
        }
        // IKEv2's IKE SA lines are printed unindented, and a page that lost the indentation keeps the lines of any
        // show output: a line the output knows goes on with it; one it does not (a line's wrapped rest, a page's
        // note) is read for itself and leaves it open for the next, a second ends it
        const e = showEvent(text, this.show, this.book);
        if (e !== null) {
          this.show.missed = false;
          this.emitSimple(number, at, KIND.show, null, e, null);
          return;
        }
        if (this.show.missed === true) this.show = null;
        else this.show.missed = true;
      }
    } else {
      this.show = null;
    }
    if (CLI_ERROR.test(body)) return;
    const head = parseHead(body);
    if (head === null && !lexed.stamped) {
      // prose, ping output, keystrokes; maybe the first half of a line split by ping output
      if (lexed.ping !== null) this.awaiting = { line: number, record: -1, text: body, time: lexed.time, left: 4 };
      return;
    }
    const index = this.newRecord(number, lexed.time);
    records.set(at, index);
    kinds.set(at, KIND.debug);
    const cur = this.cur;
    cur.index = index;
    cur.line = number;
    cur.body = body;
    cur.time = lexed.time;
    cur.head = head;
    cur.accepts = accepts(head, body, raw);
    // a fresh array only when the last record had continuations: setting length to 0 is a runtime call on every line
    if (cur.more.length > 0) cur.more = [];
    cur.rawFirst = raw;
    this.isOpen = true;
    if (cur.accepts === 'none') this.close();
    if (lexed.ping !== null && !this.records.hasAnnotation(index)) {
      this.awaiting = { line: number, record: index, text: body, time: lexed.time, left: 4 };
    }
  }

  /** Flushes the record still open at the end of the input. */
  finish(): void {
    this.close();
    // the paste's last line, not understood and cut short: a record cut off by the paste, kept as such
    const last = this.unrecognized[this.unrecognized.length - 1];
    if (last !== undefined && last.file === this.file && last.line === this.lastFilled && this.lastUnrecognizedBody !== null && looksCut(this.lastUnrecognizedBody)) {
      this.unrecognized.pop();
      this.columns.kinds.set(last.line - 1, KIND.truncated);
    }
  }

  private prompt(name: string | null, command: string, number: number, at: number): void {
    const awaiting = this.awaiting;
    if (awaiting !== null && command.length > 0 && !COMMAND_WORDS.test(command)) {
      // a debug line cut in two by ping output: its second half follows the prompt
      if (this.rejoin(awaiting, command, number, at)) return;
    }
    const cmd = command.trim();
    const show = showCommand(cmd);
    this.show = show !== null && show !== 'other' ? { command: show, section: null } : null;
    this.emitSimple(number, at, KIND.prompt, null, { type: 'prompt', name, command: cmd }, null);
  }

  private rejoin(awaiting: NonNullable<LogReader['awaiting']>, rest: string, number: number, at: number): boolean {
    const lexed = lexLine(awaiting.text + rest);
    const head = parseHead(lexed.body);
    if (head === null) return false;
    const text: RecordText = { head, first: lexed.body, more: [], accepts: 'none', rawFirst: awaiting.text + rest };
    const body = extractRecord(text, this.book, this.ipsec);
    if (body === null) return false;
    this.awaiting = null;
    const firstAt = awaiting.line - 1;
    let index = awaiting.record;
    // the first half's time when it had one (its record was made then), else the rejoined line's
    const time = index < 0 ? (lexed.time ?? awaiting.time) : (awaiting.time ?? lexed.time);
    if (index < 0) {
      index = this.newRecord(awaiting.line, time);
    } else {
      this.records.setTime(index, time);
      const last = this.unrecognized[this.unrecognized.length - 1];
      if (last !== undefined && last.file === this.file && last.line === awaiting.line) this.unrecognized.pop();
    }
    this.records.setAnnotation(index, this.say(body));
    this.records.setLineCount(index, number - awaiting.line + 1);
    this.columns.kinds.set(firstAt, KIND.debug);
    this.columns.records.set(firstAt, index);
    this.columns.kinds.set(at, KIND.continuation);
    this.columns.records.set(at, index);
    this.emit(body, awaiting.line, index, time, head.conn);
    return true;
  }

  /**
   * A line holding several records whose line endings were lost (text extracted from a PDF): each record is
   * read on its own, with the line's number; the text around them (prose, other vendors' lines) stays unused.
   * The line belongs to its first record that is understood.
   */
  private embedded(raw: string, spans: readonly EmbeddedSpan[], number: number, at: number): void {
    let understood = 0;
    for (const span of spans) {
      const lexed = lexLine(raw.slice(span.start, span.end));
      const index = this.newRecord(number, lexed.time);
      if (span === spans[0]) this.columns.records.set(at, index);
      const found = readEmbedded(lexed.body, this.book, this.ipsec);
      if (found === null) continue;
      if (understood === 0) this.columns.records.set(at, index);
      understood += 1;
      this.records.setAnnotation(index, this.say(found.body));
      this.emit(found.body, number, index, lexed.time, found.conn);
    }
    if (understood > 0) {
      this.columns.kinds.set(at, KIND.debug);
    } else {
      this.columns.kinds.set(at, KIND.unrecognized);
      this.unrecognized.push({ file: this.file, line: number });
      this.lastUnrecognizedBody = null;
    }
  }

  /**
   * The id of the event's plain-words explanation in the record table. Every event read is explained before
   * it is emitted or cached: this is where its strings are made the analysis' own.
   */
  private say(body: IkeEventBody): number {
    return this.records.internAnnotation(this.annotator.describe(this.strings.ownFields(body)));
  }

  private newRecord(line: number, time: number | null): number {
    return this.records.add(this.file, line, time);
  }

  /** A record of one line whose event is already known (prompt, show output). */
  private emitSimple(number: number, at: number, kind: number, time: number | null, body: IkeEventBody | null, conn: number | null): void {
    const index = this.newRecord(number, time);
    this.columns.kinds.set(at, kind);
    this.columns.records.set(at, index);
    if (body === null) return;
    this.records.setAnnotation(index, this.say(body));
    this.emit(body, number, index, time, conn);
  }

  private emit(body: IkeEventBody, line: number, record: number, time: number | null, conn: number | null): void {
    const e = body as IkeEvent;
    e.at = { file: this.file, line };
    e.record = record;
    e.time = time;
    e.conn = conn;
    this.sink.event(e);
  }

  /** The continuation lines of an open record given back as prose: the record is its first line alone. */
  private release(open: OpenRecord): void {
    const lastLine = this.columns.records.length;
    for (let i = open.line; i < lastLine; i += 1) {
      if (this.columns.records.get(i) !== open.index) continue;
      this.columns.records.set(i, -1);
      this.columns.kinds.set(i, KIND.prose);
    }
    this.records.setLineCount(open.index, 1);
  }

  private close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    const open = this.cur;
    const lastLine = this.columns.records.length;
    // continuation lines are contiguous apart from blank lines between them
    if (open.more.length > 0) {
      let last = open.line;
      for (let i = lastLine - 1; i >= open.line - 1; i -= 1) {
        if (this.columns.records.get(i) === open.index) {
          last = i + 1;
          break;
        }
      }
      this.records.setLineCount(open.index, last - open.line + 1);
    }
    const head = open.head;
    // a single ISAKMP line whose meaning does not depend on addresses reads the same every time it recurs
    const cacheable = head !== null && open.more.length === 0 && (head.facility === 'ISAKMP' || head.facility === 'ISAKMP-PAK') && head.text.length < 120;
    if (cacheable) {
      const hit = this.seen.get(head.text);
      if (hit !== undefined) {
        this.records.setAnnotation(open.index, hit.annotation);
        this.sink.event(recurringEvent(hit.body, { file: this.file, line: open.line }, open.index, open.time, head.conn));
        return;
      }
    }
    const v2 = head !== null && head.facility === 'IKEV2' && open.more.length === 0 ? recurringIkev2Text(head.text) : null;
    const hit2 = v2 === null ? undefined : this.seenIkev2.get(v2.message);
    if (v2 !== null && hit2 !== undefined && hit2.body.type === 'ikev2') {
      this.records.setAnnotation(open.index, hit2.annotation);
      this.sink.event(recurringIkev2Event(hit2.body, v2.prefix, { file: this.file, line: open.line }, open.index, open.time, head?.conn ?? null));
      return;
    }
    const text = this.text;
    text.head = head;
    text.first = open.body;
    text.more = open.more;
    text.accepts = open.accepts;
    text.rawFirst = open.rawFirst;
    let body = extractRecord(text, this.book, this.ipsec);
    if (body === null && open.accepts === 'wrap' && open.more.length > 0) {
      // the next line was not the rest of a wrapped line (ping output, a note): the first line is read alone
      text.more = [];
      body = extractRecord(text, this.book, this.ipsec);
      if (body !== null) this.release(open);
    }
    if (body === null) {
      const ikeLike = head !== null || /ISAKMP|IPSEC|crypto/i.test(open.body);
      if (ikeLike) {
        this.columns.kinds.set(open.line - 1, KIND.unrecognized);
        this.unrecognized.push({ file: this.file, line: open.line });
        this.lastUnrecognizedBody = open.body;
      }
      return;
    }
    body = this.checks.phaseOf(body, head?.conn ?? null);
    const annotation = this.say(body);
    this.records.setAnnotation(open.index, annotation);
    if (cacheable && isRecurring(body, head.text)) this.seen.add(head.text, { ...body }, annotation);
    else if (v2 !== null && isRecurringIkev2(body, v2.message)) this.seenIkev2.add(v2.message, body, annotation);
    this.emit(body, open.line, open.index, open.time, head?.conn ?? null);
  }
}
