/**
 * Events → one-sided negotiations: each event routed to the draft of the router and negotiation it belongs to
 * (route.ts), show output set aside for the verification (show-output.ts), the rest applied to its draft
 * (apply-event.ts).
 */
import type { IkeEvent } from '../log/events.ts';
import type { RecordTableBuilder } from '../log/record-table.ts';
import { applyEvent, type Surroundings } from './apply-event.ts';
import type { Draft, RouterContext } from './draft.ts';
import { Ikev2Builder } from './ikev2/build.ts';
import { Ikev2ShowCollector } from './ikev2/shown.ts';
import { DraftRouter } from './route.ts';
import { ShowAlone } from './show-alone.ts';
import { ShowOutput } from './show-output.ts';
import { readOfferSigns } from './offer-signs.ts';
import { isStrayDraft } from './stray-events.ts';
import { showCommand } from '../log/show.ts';
import { WordTree } from './word-tree.ts';

export class NegotiationBuilder {
  private readonly router = new DraftRouter();
  readonly show = new ShowOutput();
  private readonly showAlone = new ShowAlone(this.router);
  readonly drafts: readonly Draft[] = this.router.drafts;
  readonly routers: readonly RouterContext[] = this.router.routers;
  /** Each `SOURCE, EVENT` a transition was printed with, made once: a log prints the same few thousands of times. */
  private readonly inputTexts = new WordTree<string>();
  private readonly around: Surroundings = {
    inputText: (source, event) => {
      const pair = this.inputTexts.grow(source).grow(event);
      return (pair.value ??= `${source}, ${event}`);
    },
    learnLocal: (ctx, local, peer) => this.router.learnLocal(ctx, local, peer),
  };

  /** IKEv2 SAs: their own drafts, keyed by SPI. */
  readonly ikev2: Ikev2Builder;
  /** IKEv2 SAs that `show crypto ikev2 sa` / `session` lists. */
  readonly ikev2Shown = new Ikev2ShowCollector();

  constructor(private readonly records: RecordTableBuilder) {
    this.ikev2 = new Ikev2Builder(records);
  }

  /** Whether only `show crypto ipsec sa` output made this draft (it may be an IKEv2 peer's child SA). */
  ipsecShowOnly(d: Draft): boolean {
    return this.showAlone.ipsecShowOnly(d);
  }

  ipsecShowIkev2(d: Draft): boolean {
    return this.showAlone.ipsecShowIkev2(d);
  }

  /**
   * Once every line is read: the `show crypto ipsec sa` blocks that list an SA pair no debug line made become
   * negotiations of their own (newer-pair.ts), their lines theirs.
   */
  newerPairs(): void {
    for (const { record, draft } of this.showAlone.newerPairs()) this.records.setNegotiation(record, draft.index);
  }

  /** Starts a new file: its lines come from another router unless prompts or addresses say otherwise. */
  startFile(file: number): void {
    this.router.startFile(file);
    this.show.newCommand();
    this.showAlone.newCommand();
    this.ikev2Shown.newCommand();
  }

  event(e: IkeEvent): void {
    const ctx = this.router.now(e.at.file);
    if (e.type === 'log-source') {
      this.router.prompt(e.name, e.at.file);
      return;
    }
    if (e.type === 'prompt') {
      // a show command typed after lines that made no negotiation (a syslog message alone): the lines of its output
      // that name no peer are not theirs; a row or SA of the same peer takes them up (show-alone.ts)
      if (ctx.current !== null && isStrayDraft(ctx.current) && showCommand(e.command) !== null) ctx.current = null;
      this.show.newCommand();
      this.showAlone.newCommand();
      this.ikev2Shown.newCommand();
      this.router.prompt(e.name, e.at.file);
      return;
    }
    if (e.type === 'ikev2') {
      this.ikev2.event(e, ctx.name);
      return;
    }
    if (e.type === 'info' && e.text.startsWith('CRYPTO_PKI') && this.ikev2.pki(e)) return;
    if (e.type === 'show-ikev2') {
      this.ikev2Shown.event(e, ctx.name);
      return;
    }
    if (this.show.event(e, ctx)) {
      const listed = this.showAlone.event(e, ctx);
      if (listed !== null) this.records.setNegotiation(e.record, listed.index);
      if (listed !== null) for (const r of this.showAlone.takeSessionHead()) this.records.setNegotiation(r, listed.index);
      // the lines under a row (its crypto engine, a session's flows) are that row's, not the last one made
      if (listed !== null && listed.listed) ctx.current = listed;
      return;
    }
    const draft = this.router.route(e, ctx);
    if (draft === null) {
      // a line of a message no negotiation has taken yet: what it shows of an offer goes to the one that takes it
      readOfferSigns(ctx.offerSigns, e);
      return;
    }
    this.records.setNegotiation(e.record, draft.index);
    applyEvent(draft, e, this.around);
  }
}
