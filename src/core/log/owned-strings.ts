/**
 * Strings the analysis keeps, detached from the input. A substring of a line is, in V8, a view into the
 * chunk of input it was cut from: one such view kept in the analysis (a state name, a transform, an
 * annotation) keeps the whole chunk alive, and with it, in time, the whole input. Each distinct value is
 * copied once and shared by every event that carries it. A plain copy: made the engine's one copy of the value
 * (through a property name) each new value cost microseconds, a new hidden class each, and equal strings compare
 * equal either way.
 */
export class OwnedStrings {
  private readonly byValue = new Map<string, string>();

  /** `text`'s own copy, shared with every earlier string of the same value. */
  own(text: string): string {
    let owned = this.byValue.get(text);
    if (owned === undefined) {
      owned = detached(text);
      this.byValue.set(owned, owned);
    }
    return owned;
  }

  /**
   * Replaces every string of `event` by its own copy: its fields, and those of the objects and arrays it holds
   * three levels down (an IKEv2 line, the lines glued to it, their lists of payloads); not `type`, which names
   * the kind of event with a constant of the code, never a piece of the input. Frozen objects are left alone.
   */
  ownFields<T extends object>(event: T): T {
    this.ownIn(event as Record<string, unknown>, 3, true);
    return event;
  }

  private ownIn(fields: Record<string, unknown>, depth: number, top: boolean): void {
    if (Array.isArray(fields)) {
      const list = fields as unknown[];
      for (let i = 0; i < list.length; i += 1) {
        const value = list[i];
        if (typeof value === 'string') list[i] = this.own(value);
        else if (depth > 0 && typeof value === 'object' && value !== null && !Object.isFrozen(value)) this.ownIn(value as Record<string, unknown>, depth - 1, false);
      }
      return;
    }
    for (const key in fields) {
      if (top && key === 'type') continue;
      const value = fields[key];
      if (typeof value === 'string') fields[key] = this.own(value);
      else if (depth > 0 && typeof value === 'object' && value !== null && !Object.isFrozen(value)) this.ownIn(value as Record<string, unknown>, depth - 1, false);
    }
  }
}

/**
 * A copy of `text` that shares no memory with the string it was cut from: concatenating forces a new
 * sequential string, and the slice of it points into that copy only.
 */
export function detached(text: string): string {
  return ` ${text}`.slice(1);
}
