import { ROLE_LABELS } from '@passerelle/shared/domain';
import { expect, test } from './support/fixtures';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './support/accounts';
import { expectedNavigation } from './support/expected-navigation';
import { expectAccessible, sideNavigation, signIn, snap } from './support/pages';

test.describe('each demo account', () => {
  for (const account of DEMO_ACCOUNTS) {
    test(`${account.username} (${account.role}) gets its own navigation`, async ({ page }, testInfo) => {
      const { user } = await signIn(page, account.username, DEMO_PASSWORD);
      expect(user.username).toBe(account.username);
      expect(user.role).toBe(account.role);
      expect(user.organization.name).toContain(account.organization);

      const toolbar = page.getByRole('banner');
      await expect(toolbar).toContainText(user.displayName);
      await expect(toolbar).toContainText(ROLE_LABELS[user.role]);
      await expect(toolbar).toContainText(user.organization.name);
      await expect(toolbar.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();

      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bonjour, ${user.displayName}`);
      await expect(page).toHaveTitle('Accueil — Passerelle');

      const links = sideNavigation(page).getByRole('link');
      await expect(links).toHaveText(expectedNavigation(user));

      if (user.role === 'RELAY_CLERK') {
        await expect(
          page.getByRole('main').getByRole('link', { name: 'Nouvelle orientation' }),
        ).toBeVisible();
      }

      await snap(page, testInfo, `home-${account.username}`);
      await expectAccessible(page, testInfo, `home-${account.username}`);
    });
  }
});
