import type { Page } from '@playwright/test';
import { IkescopePage } from './ikescope-page.ts';

/** One step of playback as the page shows it: the message selected and both routers' state badges. */
export interface ShownStep {
  message: string | null;
  initiator: string;
  responder: string;
}

/** The order the page draws and plays a negotiation in, read the way a user reads it. */
export class LadderOrder {
  readonly app: IkescopePage;

  constructor(readonly page: Page) {
    this.app = new IkescopePage(page);
  }

  /**
   * The arrows top to bottom, each as its name with a `*` for a retransmission ("MM1*"), in the order of
   * where they are drawn, not of the document.
   */
  async arrowsTopToBottom(): Promise<string[]> {
    const arrows = this.page.locator('[data-testid^="ladder.arrow."]');
    const drawn: { y: number; label: string }[] = [];
    for (const arrow of await arrows.all()) {
      const box = await arrow.boundingBox();
      const name = ((await arrow.getAttribute('data-testid')) ?? '').replace('ladder.arrow.', '');
      const resent = /retransmission/.test((await arrow.getAttribute('aria-label')) ?? '');
      if (box) drawn.push({ y: box.y + box.height / 2, label: `${name}${resent ? '*' : ''}` });
    }
    return drawn.sort((a, b) => a.y - b.y).map((d) => d.label);
  }

  /** What the page shows now. */
  async shown(): Promise<ShownStep> {
    const [initiator, responder] = await this.app.states();
    return { message: await this.app.selectedMessage(), initiator, responder };
  }

  /** From the start, one step at a time to the end: what each step shows. */
  async stepForward(limit = 200): Promise<ShownStep[]> {
    await this.page.getByRole('button', { name: 'Jump to start' }).click();
    const next = this.page.getByTestId('step.next');
    const seen = [await this.shown()];
    for (let i = 0; i < limit && (await next.isEnabled()); i++) {
      await next.click();
      seen.push(await this.shown());
    }
    return seen;
  }

  /** From where playback is, back one step at a time to the start: what each step shows. */
  async stepBack(limit = 200): Promise<ShownStep[]> {
    const prev = this.page.getByTestId('step.prev');
    const seen = [await this.shown()];
    for (let i = 0; i < limit && (await prev.isEnabled()); i++) {
      await prev.click();
      seen.push(await this.shown());
    }
    return seen;
  }
}

/** The messages a walk selected, each once where the selection changed. */
export function messagesOf(steps: readonly ShownStep[]): string[] {
  const out: string[] = [];
  let last: string | null = null;
  for (const step of steps) {
    if (step.message !== null && step.message !== last) out.push(step.message);
    last = step.message;
  }
  return out;
}
