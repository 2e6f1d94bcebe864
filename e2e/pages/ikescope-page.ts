import { expect, type Page, type Request } from '@playwright/test';

/** The ikescope page as a user sees it: regions by their headings, controls by role. */
export class IkescopePage {
  readonly consoleErrors: string[] = [];
  readonly foreignRequests: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.consoleErrors.push(error.message));
    page.on('request', (request: Request) => {
      const url = new URL(request.url());
      if (
        url.origin !== `http://localhost:${process.env.E2E_PORT ?? 4173}` &&
        url.protocol !== 'data:' &&
        url.protocol !== 'blob:'
      ) {
        this.foreignRequests.push(request.url());
      }
    });
  }

  async open(hash = '') {
    await this.page.goto(`/${hash}`);
    await this.analysed();
  }

  /** Waits until the worker has finished and the ladder shows the selected negotiation. */
  async analysed() {
    await expect(this.page.getByRole('progressbar')).toHaveCount(0);
    await this.page.locator('[data-testid^="ladder.arrow."]').first().waitFor();
  }

  region(title: string) {
    return this.page.getByRole('region', { name: new RegExp(`^${title}`) });
  }

  logPane() {
    return this.region('Log');
  }

  /** The log editor draws only the lines in view: page down until `text` is drawn, as a reader would. */
  async scrollLogTo(text: string) {
    const scroller = this.logPane().locator('.cm-scroller');
    const content = this.logPane().locator('.cm-content');
    // CodeMirror redraws a little after a scroll: wait for the drawn text to change (or half a second).
    const frames = async () => {
      const before = await content.textContent();
      await expect.poll(() => content.textContent(), { timeout: 200, intervals: [20] }).not.toBe(before).catch(() => undefined);
    };
    await scroller.evaluate((element) => element.scrollTo(0, 0));
    await frames();
    for (let page = 0; page < 400; page++) {
      if ((await content.textContent())?.includes(text)) return;
      const atEnd = await scroller.evaluate((element) => {
        element.scrollBy(0, element.clientHeight * 0.8);
        return element.scrollTop + element.clientHeight >= element.scrollHeight - 1;
      });
      await frames();
      if (atEnd && !(await content.textContent())?.includes(text)) break;
    }
    await expect(content).toContainText(text);
  }

  /** The message the inspector shows, e.g. "MM3", or null when none is selected. */
  async selectedMessage(): Promise<string | null> {
    const article = this.page.getByRole('article', { name: /^Message / });
    if ((await article.count()) === 0) return null;
    return ((await article.getAttribute('aria-label')) ?? '').replace(/^Message /, '');
  }

  /** Steps from the start to the end by message, as a user pressing "Next message" would: the names seen. */
  async walkMessages(limit = 60): Promise<string[]> {
    await this.page.getByRole('button', { name: 'Jump to start' }).click();
    const next = this.page.getByRole('button', { name: 'Next message' });
    const seen: string[] = [];
    for (let i = 0; i < limit && (await next.isEnabled()); i++) {
      await next.click();
      const name = await this.selectedMessage();
      // Past the last message, "next message" moves to the last step and the last message stays selected.
      const atEnd = !(await next.isEnabled());
      if (name && !(atEnd && name === seen[seen.length - 1])) {
        seen.push(name);
        await expect(this.arrow(name).first()).toBeVisible();
      }
    }
    return seen;
  }

  /** Presses Tab until the focused element matches `selector` (keyboard-only navigation). */
  async tabUntil(selector: string, limit = 120) {
    for (let i = 0; i < limit; i++) {
      await this.page.keyboard.press('Tab');
      const focused = await this.page.evaluate((s) => {
        // The editors live in shadow roots: the focused element is the innermost active element.
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return active?.matches(s) ?? false;
      }, selector);
      if (focused) return;
    }
    throw new Error(`no element matching ${selector} within ${limit} tabs`);
  }

  /** How far the page scrolls sideways (0 when it fits the window's width). */
  sidewaysOverflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }

  /** Where each region lies on the page, by region id. */
  async regionBoxes(): Promise<Map<string, { x: number; y: number; width: number; height: number }>> {
    const boxes = await this.page.locator('main section[id]').evaluateAll((sections) =>
      sections.map((s) => {
        const r = s.getBoundingClientRect();
        return [s.id, { x: r.x, y: r.y + window.scrollY, width: r.width, height: r.height }] as const;
      }),
    );
    return new Map(boxes);
  }

  /** Selects a message's arrow by keyboard (focus, Enter): the ladder pans to it first, wherever it is drawn. */
  async selectArrow(name: string) {
    await this.arrow(name).first().focus();
    await this.page.keyboard.press('Enter');
    await expect.poll(() => this.selectedMessage()).toBe(name);
  }

  arrow(name: string) {
    return this.page.getByTestId(`ladder.arrow.${name}`);
  }

  /** Drops files on the page as a user would drag them from a file manager. */
  async dropFiles(files: readonly { name: string; text: string }[]) {
    const transfer = await this.page.evaluateHandle((list) => {
      const data = new DataTransfer();
      for (const f of list) data.items.add(new File([f.text], f.name, { type: 'text/plain' }));
      return data;
    }, files);
    await this.page.locator('main').dispatchEvent('dragover', { dataTransfer: transfer });
    await this.page.locator('main').dispatchEvent('drop', { dataTransfer: transfer });
  }

  configPane(router: string) {
    return this.page.getByRole('figure', { name: `${router} configuration` });
  }

  /** Switches the page to the lab, chooses a preset and runs it; waits for its ladder. */
  async runLab(preset: string) {
    await this.page.getByRole('button', { name: 'Lab', exact: true }).click();
    await this.page.getByTestId('lab.preset').selectOption(preset);
    await this.page.getByTestId('lab.run').click();
    await this.analysed();
  }

  /** Switches between the analysis of the loaded case and the lab. */
  async switchTo(mode: 'Log analysis' | 'Lab') {
    await this.page.getByRole('group', { name: 'Mode' }).getByRole('button', { name: mode, exact: true }).click();
  }

  /** Opens a file from the fixtures with the file picker, as a user would. */
  async openFixture(path: string) {
    await this.page.getByTestId('load.file').setInputFiles(path);
  }

  /** One router's config editor in the lab. */
  labEditor(side: 'initiator' | 'responder') {
    return this.page.getByTestId(`lab.config.${side}`).locator('.cm-content');
  }

  /** Replaces `from` with `to` on the first line of a lab editor that holds it, typing as a user would. */
  async editLabLine(side: 'initiator' | 'responder', from: string, to: string) {
    const line = this.labEditor(side).locator('.cm-line', { hasText: from }).first();
    const text = await line.innerText();
    const at = text.indexOf(from);
    await line.click();
    // From the line's end, not its start: Home in CodeMirror stops after the indentation first.
    await this.page.keyboard.press('End');
    for (let i = 0; i < text.length - at - from.length; i++) await this.page.keyboard.press('ArrowLeft');
    for (let i = 0; i < from.length; i++) await this.page.keyboard.press('Shift+ArrowLeft');
    await this.page.keyboard.type(to);
  }

  /** Both routers' state badges, as shown. */
  async states(): Promise<[string, string]> {
    const text = (side: string) => this.page.getByTestId(`state.${side}`).innerText();
    return [await text('initiator'), await text('responder')];
  }

  /** Both routers' states now and after each of `count` steps in one direction, in the order they were seen. */
  async statesWhileStepping(count: number, direction: 'next' | 'prev'): Promise<[string, string][]> {
    const seen: [string, string][] = [await this.states()];
    for (let i = 0; i < count; i++) {
      await this.page.getByTestId(`step.${direction}`).click();
      seen.push(await this.states());
    }
    return seen;
  }
}
