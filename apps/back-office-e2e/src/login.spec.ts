import { expect, test } from './support/fixtures';
import { DEMO_PASSWORD } from './support/accounts';
import { expectAccessible, loginForm, snap } from './support/pages';

test.describe('login page', () => {
  test('is in French and accessible', async ({ page }, testInfo) => {
    await page.goto('/connexion');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page).toHaveTitle('Connexion — Passerelle');
    await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
    const form = loginForm(page);
    await expect(form.username).toBeVisible();
    await expect(form.password).toHaveAttribute('type', 'password');
    await expect(form.submit).toBeVisible();
    await snap(page, testInfo, '01-login-page');
    await expectAccessible(page, testInfo, 'login');
  });

  test('a wrong password gets a clear French error', async ({ page }, testInfo) => {
    await page.goto('/connexion');
    const form = loginForm(page);
    await form.username.fill('orthez.accueil');
    await form.password.fill('pas-le-bon-mot-de-passe');
    await form.submit.click();
    await expect(page.getByRole('alert')).toHaveText('Identifiant ou mot de passe incorrect.');
    await expect(page).toHaveURL(/\/connexion$/);
    await expect(form.password).toHaveValue('');
    await expect(form.password).toBeFocused();
    await expect(page.getByText('Saisissez votre mot de passe.')).toHaveCount(0);
    await snap(page, testInfo, '01-wrong-password');
    await expectAccessible(page, testInfo, 'login-error');
  });

  test('works with the keyboard alone', async ({ page }, testInfo) => {
    await page.goto('/connexion');
    const form = loginForm(page);

    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Aller au contenu' });
    await expect(skipLink).toBeFocused();
    await expect(skipLink).toBeInViewport();
    await snap(page, testInfo, '01-skip-link-focused');

    await page.keyboard.press('Enter');
    await expect(page.locator('main#contenu')).toBeFocused();

    // ProConnect first (npm start's demo offers it), then the password form.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'S’identifier avec ProConnect' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: /Qu’est-ce que ProConnect/ })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(form.username).toBeFocused();
    await page.keyboard.type('mourenx.agent');
    await page.keyboard.press('Tab');
    await expect(form.password).toBeFocused();
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Tab');
    await expect(form.submit).toBeFocused();
    await snap(page, testInfo, '02-button-focused');

    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Bonjour, /);
    await expect(page).toHaveURL(/\/$/);
    await snap(page, testInfo, '03-signed-in');
  });
});
