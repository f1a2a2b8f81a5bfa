import { REFRESH_COOKIE } from '@passerelle/shared/domain';
import { expect, test } from './support/fixtures';
import { DEMO_PASSWORD } from './support/accounts';
import { expectAccessible, loginForm, sideNavigation, signIn, snap } from './support/pages';

test.describe('session', () => {
  test('a deep link survives a reload, through a silent refresh', async ({ page }, testInfo) => {
    await signIn(page, 'mourenx.agent', DEMO_PASSWORD);
    await sideNavigation(page).getByRole('link', { name: 'Dossiers' }).click();
    await expect(page).toHaveURL(/\/dossiers$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dossiers');

    const refreshed = page.waitForResponse((response) => response.url().endsWith('/api/auth/refresh'));
    await page.reload();
    expect((await refreshed).status()).toBe(200);
    await expect(page).toHaveURL(/\/dossiers$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dossiers');
    await expect(page).toHaveTitle('Dossiers — Passerelle');
    await snap(page, testInfo, '01-dossiers-after-reload');
    await expectAccessible(page, testInfo, 'dossiers');
  });

  test('a deep link opened without a session comes back after sign-in', async ({ page }, testInfo) => {
    await page.goto('/agenda');
    await expect(page).toHaveURL(/\/connexion\?retour=%2Fagenda$/);
    await snap(page, testInfo, '01-redirected-to-login');
    await signIn(page, 'sdsei.ts', DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/agenda$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Agenda');
  });

  test('an unknown URL shows « Page introuvable » with a way home', async ({ page }, testInfo) => {
    await signIn(page, 'office64.bailleur', DEMO_PASSWORD);
    await page.goto('/cette-page-n-existe-pas');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
    await expect(page).toHaveTitle('Page introuvable — Passerelle');
    await snap(page, testInfo, '01-not-found');
    await expectAccessible(page, testInfo, 'not-found');
    await page.getByRole('link', { name: "Retour à l'accueil" }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Bonjour, /);
  });

  test('a screen the role may not open is not found either', async ({ page }) => {
    await signIn(page, 'lagor.relais', DEMO_PASSWORD);
    await page.goto('/administration/journal-des-acces');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  });

  test('an idle session ends after 30 minutes and the login page says why', async ({ page }, testInfo) => {
    await page.clock.install();
    await signIn(page, 'orthez.accueil', DEMO_PASSWORD);
    await page.clock.fastForward('29:00');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Bonjour, /);

    const revoked = page.waitForResponse((response) => response.url().endsWith('/api/auth/logout'));
    await page.clock.fastForward('01:30');
    expect((await revoked).status()).toBe(204);
    await expect(page).toHaveURL(/\/connexion$/);
    await expect(page.getByRole('status')).toHaveText(
      "Votre session a expiré après 30 minutes d'inactivité.",
    );
    await snap(page, testInfo, '01-idle-logout');
  });

  test('logout ends the session here and on the server', async ({ page, request, baseURL }, testInfo) => {
    await signIn(page, 'cclo.coordination', DEMO_PASSWORD);
    // The refresh token is an HttpOnly cookie for /api/auth: no script of the page can read it.
    const cookie = (await page.context().cookies()).find((c) => c.name === REFRESH_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);

    const revoked = page.waitForResponse((response) => response.url().endsWith('/api/auth/logout'));
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    expect((await revoked).status()).toBe(204);
    await expect(page).toHaveURL(/\/connexion$/);
    await expect(loginForm(page).submit).toBeVisible();
    expect((await page.context().cookies()).some((c) => c.name === REFRESH_COOKIE)).toBe(false);
    await snap(page, testInfo, '01-logged-out');

    // The old refresh token no longer opens a session.
    const reuse = await request.post('/api/auth/refresh', {
      headers: { cookie: `${REFRESH_COOKIE}=${cookie?.value ?? ''}`, origin: baseURL ?? '' },
    });
    expect(reuse.status()).toBe(401);

    for (const url of ['/', '/dossiers', '/administration/utilisateurs']) {
      await page.goto(url);
      await expect(page).toHaveURL(/\/connexion(\?retour=.*)?$/);
      await expect(loginForm(page).submit).toBeVisible();
    }
  });
});
