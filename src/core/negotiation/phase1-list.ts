/**
 * A draft's phase 1 messages in order, with how many carry each name and how many were received: naming a
 * message asks how many of its name came before, and a log can hold thousands of one message, so the counts
 * are kept as the list changes instead of counted again for every packet.
 */
import type { MessageName } from '../ike/messages.ts';

/** What the list reads of a message. */
interface Named {
  name: MessageName | null;
  dir: 'out' | 'in';
}

export class Phase1List<M extends Named> {
  private items: M[] = [];
  private readonly named = new Map<MessageName | null, number>();
  /** How many of the messages were received. */
  received = 0;

  get length(): number {
    return this.items.length;
  }

  /** The messages in order; read only, change them through this list. */
  get all(): readonly M[] {
    return this.items;
  }

  last(): M | undefined {
    return this.items[this.items.length - 1];
  }

  count(name: MessageName | null): number {
    return this.named.get(name) ?? 0;
  }

  /** Whether a message of that name is in the list. */
  has(name: MessageName): boolean {
    return (this.named.get(name) ?? 0) > 0;
  }

  push(m: M): void {
    this.items.push(m);
    this.tally(m.name, 1);
    if (m.dir === 'in') this.received += 1;
  }

  pop(): M | undefined {
    const m = this.items.pop();
    if (m !== undefined) {
      this.tally(m.name, -1);
      if (m.dir === 'in') this.received -= 1;
    }
    return m;
  }

  /** Names a message of the list anew. */
  rename(m: M, name: MessageName | null): void {
    this.tally(m.name, -1);
    m.name = name;
    this.tally(name, 1);
  }

  /** Where `m` is, searched from the end, where the message in hand almost always is; -1 when absent. */
  lastIndexOf(m: M): number {
    return this.items.lastIndexOf(m);
  }

  /** The name of the last message before `end` sent (`out`) or received (`in`). */
  lastName(dir: 'out' | 'in', end = this.items.length): MessageName | null {
    for (let i = end - 1; i >= 0; i -= 1) {
      const m = this.items[i];
      if (m && m.dir === dir) return m.name;
    }
    return null;
  }

  /** Lets the messages go once they have been copied into the negotiation. */
  clear(): void {
    this.items = [];
    this.named.clear();
    this.received = 0;
  }

  private tally(name: MessageName | null, by: number): void {
    this.named.set(name, (this.named.get(name) ?? 0) + by);
  }
}
