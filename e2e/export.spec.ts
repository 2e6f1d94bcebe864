import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { IkescopePage } from './pages/ikescope-page.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const SEED_ARROWS = ['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6', 'QM1', 'QM2', 'QM3'];

/** Opens the Export menu and saves what one of its buttons makes: the file's suggested name and its bytes. */
async function exported(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const menu = page.locator('#message summary', { hasText: 'Export' });
  if (!(await page.getByRole('button', { name: button }).isVisible())) await menu.click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

test('the ladder downloads whole as SVG and as PNG, named after the negotiation', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.analysed();

  const svg = await exported(page, 'Ladder as SVG');
  expect(svg.name).toBe('ikescope_R2_R3_n1.svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.localName,
      arrows: [...doc.querySelectorAll('[data-testid^="ladder.arrow."]')].map((g) => g.getAttribute('data-testid')!.slice(13)),
      heads: doc.querySelectorAll('[data-testid^="ladder.arrow."] path').length,
      height: Number(doc.documentElement.getAttribute('height')),
    };
  }, svg.bytes.toString('utf8'));
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe('svg');
  // every message, not only those in view
  expect(parsed.arrows).toEqual(SEED_ARROWS);
  expect(parsed.heads).toBe(SEED_ARROWS.length);
  expect(parsed.height).toBeGreaterThan(await page.getByTestId('ladder').evaluate((e) => e.getBoundingClientRect().height));

  const png = await exported(page, 'Ladder as PNG');
  expect(png.name).toBe('ikescope_R2_R3_n1.png');
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // IHDR: width and height, big-endian, at bytes 16..24; drawn at twice the SVG's size
  expect(png.bytes.readUInt32BE(16)).toBe(720 * 2);
  expect(png.bytes.readUInt32BE(20)).toBe(Math.ceil(parsed.height * 2));
  expect(png.bytes.length).toBeGreaterThan(20_000);
  expect(app.consoleErrors).toEqual([]);
});

test('the Markdown note and the HTML report download with the keys masked, unless asked for', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.analysed();

  const md = await exported(page, 'Markdown case note');
  expect(md.name).toBe('ikescope_R2_R3_n1.md');
  const note = md.bytes.toString('utf8');
  expect(note).toContain('## Negotiation n1: R2 (2001:DB8::2) → R3 (2001:DB8::3)');
  expect(note).toContain('crypto isakmp key ***** address ipv6 ::/0');
  expect(note).not.toContain('key cisco');
  await expect(page.getByRole('group', { name: 'Export the negotiation' }).getByRole('status')).toHaveText('Saved ikescope_R2_R3_n1.md, keys masked.');

  const html = (await exported(page, 'HTML report')).bytes.toString('utf8');
  expect(html).toContain('crypto isakmp key ***** address ipv6 ::/0');
  expect(html).not.toContain('key cisco');

  await page.getByRole('checkbox', { name: 'with pre-shared keys' }).check();
  expect((await exported(page, 'Markdown case note')).bytes.toString('utf8')).toContain('crypto isakmp key cisco address ipv6 ::/0');
});

test('the Mermaid diagram is copied to the clipboard', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.analysed();
  await page.locator('#message summary', { hasText: 'Export' }).click();
  await page.getByRole('button', { name: 'Copy Mermaid diagram' }).click();
  await expect(page.getByRole('group', { name: 'Export the negotiation' }).getByRole('status')).toHaveText('Copied the Mermaid diagram.');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text.startsWith('sequenceDiagram\n')).toBe(true);
  expect(text).toContain('  I->>R: MM1 [SA]');
});

test('the HTML report, opened in the browser, passes axe and runs no script', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.analysed();
  const html = (await exported(page, 'HTML report')).bytes.toString('utf8');

  const report = await page.context().newPage();
  const requests: string[] = [];
  report.on('request', (r) => requests.push(r.url()));
  await report.setContent(html);
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('ikescope report: R2 (2001:DB8::2) → R3 (2001:DB8::3)');
  expect(await report.locator('script').count()).toBe(0);
  expect(await report.locator('[data-testid^="ladder.arrow."]').count()).toBe(SEED_ARROWS.length);
  expect(requests).toEqual([]);
  const results = await new AxeBuilder({ page: report }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
});

test('printing gives the ladder, the findings and every message\'s annotated lines, on as many pages as they need', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.analysed();
  await page.emulateMedia({ media: 'print' });
  const view = page.getByTestId('print-view');
  await expect(view).toBeVisible();
  await expect(page.locator('main')).toBeHidden();
  await expect(page.locator('header').first()).toBeHidden();
  await expect(view.getByRole('heading', { level: 1 })).toHaveText('ikescope: R2 (2001:DB8::2) → R3 (2001:DB8::3)');
  const images = view.getByRole('img', { name: /^Ladder of R2 and R3/ });
  expect(await images.count()).toBeGreaterThan(0);
  for (const img of await images.all()) expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
  await expect(view.getByRole('heading', { name: 'WARNING WEAK_CRYPTO' })).toBeVisible();
  await expect(view.getByRole('heading', { name: /^9\. QM3/ })).toBeVisible();
  await expect(view).toContainText('sending packet to 2001: DB8::3 my_port 500 peer_port 500 (I) MM_NO_STATE');
  await expect(view).toContainText('↳ Sends an IKE packet to the peer as initiator');
  const pdf = await page.pdf({ format: 'A4' });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBeGreaterThan(5);
  expect(app.consoleErrors).toEqual([]);
});

test('the Export menu opens by keyboard and Escape closes it, the focus back on its label', async ({ page }) => {
  const app = new IkescopePage(page);
  await app.open();
  await app.analysed();
  const label = page.locator('#message summary', { hasText: 'Export' });
  await label.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Ladder as SVG' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Ladder as SVG' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Ladder as SVG' })).toBeHidden();
  await expect(label).toBeFocused();
});
