import { expect, test } from './support/fixtures';
import { DEMO_PASSWORD } from './support/accounts';
import { expectAccessible, sideNavigation, signIn, snap } from './support/pages';

test.use({ viewport: { width: 390, height: 844 } });

test('on a small screen the navigation is a drawer opened from the toolbar', async ({ page }, testInfo) => {
  await signIn(page, 'monein.relais', DEMO_PASSWORD);
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(sideNavigation(page)).toBeHidden();
  await snap(page, testInfo, '01-home-small-screen');
  await expectAccessible(page, testInfo, 'home-small-screen');

  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(sideNavigation(page)).toBeVisible();
  await snap(page, testInfo, '02-drawer-open');

  await sideNavigation(page).getByRole('link', { name: 'Mes orientations' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes orientations');
  await expect(sideNavigation(page)).toBeHidden();
  await snap(page, testInfo, '03-screen-small');
});
