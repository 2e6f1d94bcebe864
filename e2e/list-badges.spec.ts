import { expect, test } from '@playwright/test';
import { IkescopePage } from './pages/ikescope-page.ts';

/**
 * The negotiations list's badges are read whole at a wide desktop's width, where the list keeps its fixed
 * width: a long first badge ("IKE SA complete (implied)") used to push the next one out of the row, cut
 * mid-word ("Child complet").
 */
const fixtures = [
  // show output of an IKEv2 IKE SA and its two child SAs (an Azure to strongSwan guide)
  'fixtures/ikev2/show/show-crypto-session-two-flows-ikev2-sa-ipsec-sa-crypto-map-azure-strongswan-guide.log',
  // an ASA's show crypto ipsec sa of an IKEv2 VTI (Microsoft's Azure guide)
  'fixtures/partial/asa-show-ipsec-sa-detail-vti-ikev2-nat-t-encaps-azure-guide.log',
  // an IKEv1 Quick Mode refused twice by a hub: four badges
  'fixtures/partial/qm-only-refused-by-hub-proxy-mismatch-blog.log',
];

test.use({ viewport: { width: 1600, height: 900 } });

for (const fixture of fixtures) {
  test(`no badge of the negotiations list is cut: ${fixture.split('/').pop()}`, async ({ page }) => {
    const app = new IkescopePage(page);
    await app.open();
    await page.getByTestId('load.file').setInputFiles(fixture);
    const list = page.getByRole('list', { name: 'Negotiations found' });
    await expect(list.getByTestId('negotiation.badge').first()).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    const cut = await list.evaluate((ul) =>
      [...ul.querySelectorAll<HTMLElement>('[data-testid="negotiation.badges"]')].flatMap((line) => {
        const box = line.getBoundingClientRect();
        const row = line.closest('button')!.getBoundingClientRect();
        return [...line.querySelectorAll<HTMLElement>('[data-testid="negotiation.badge"]')]
          .filter((badge) => {
            const at = badge.getBoundingClientRect();
            // its own text overflows it, or it lies outside the badges' line or the row that clip it
            return badge.scrollWidth > badge.clientWidth || at.right > box.right + 0.5 || at.bottom > box.bottom + 0.5 || at.bottom > row.bottom + 0.5;
          })
          .map((badge) => badge.textContent);
      }),
    );
    expect(await list.getByTestId('negotiation.badge').count()).toBeGreaterThan(1);
    expect(cut).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
}
