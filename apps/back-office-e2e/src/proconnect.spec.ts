import type { Browser, Page } from '@playwright/test';
import { PROCONNECT_REFUSAL_LABELS, ROLE_LABELS } from '@passerelle/shared/domain';
import { DEMO_PASSWORD } from './support/accounts';
import { choose } from './support/casework-forms';
import { expect, test } from './support/fixtures';
import { expectAccessible, loginForm, sideNavigation, signIn, snap } from './support/pages';

/**
 * ProConnect against the stand-in provider that `npm start` runs in demo mode (tools/oidc): its
 * page lists fictitious agents; Claire Etcheverry has a demo account (found by her e-mail), Jeanne
 * Cazaux has none, Pierre Larrieu is the Monein relay point's clerk.
 */
test.describe.configure({ mode: 'serial' });

const proconnectButton = (page: Page) => page.getByRole('link', { name: 'S’identifier avec ProConnect' });

/** From Passerelle's login page to the stand-in's page of agents; answers the provider's origin. */
async function toProvider(page: Page): Promise<string> {
  await proconnectButton(page).click();
  await expect(
    page.getByRole('heading', { level: 1, name: /ProConnect — fournisseur d'identité de démonstration/ }),
  ).toBeVisible();
  const provider = new URL(page.url());
  // A site of its own: the browser really left Passerelle.
  expect(provider.origin).not.toBe(new URL(test.info().project.use.baseURL ?? '').origin);
  return provider.origin;
}

/** Another person's browser (the coordinator's), with the project's address and language. */
function newBrowserContext(browser: Browser) {
  const { baseURL, locale, timezoneId, viewport } = test.info().project.use;
  return browser.newContext({ baseURL, locale, timezoneId, viewport });
}

const agentButton = (page: Page, name: string) =>
  page.getByRole('button', { name: new RegExp(`^${name} — `) });

test.describe('ProConnect', () => {
  test('a known agent signs in at the provider, lands on her home, and logs out through the provider', async ({
    page,
  }, testInfo) => {
    await page.goto('/connexion');
    await expect(proconnectButton(page)).toBeVisible();
    await expect(page.getByRole('link', { name: /Qu’est-ce que ProConnect/ })).toBeVisible();
    // Above the password form.
    const button = await proconnectButton(page).boundingBox();
    const username = await loginForm(page).username.boundingBox();
    expect(button && username && button.y < username.y).toBe(true);
    await snap(page, testInfo, '01-login-with-proconnect');
    await expectAccessible(page, testInfo, 'login-proconnect');

    const provider = await toProvider(page);
    await snap(page, testInfo, '02-provider');
    await agentButton(page, 'Claire Etcheverry').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bonjour, Claire Etcheverry');
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await snap(page, testInfo, '03-signed-in');

    // A reload keeps the session (the refresh cookie the callback set).
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bonjour, Claire Etcheverry');

    // Logging out passes through the provider's end-session page, which sends the browser back.
    const visited: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) visited.push(frame.url());
    });
    await page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page).toHaveURL(/\/connexion$/);
    expect(visited.some((url) => url.startsWith(`${provider}/session/end`))).toBe(true);
    await expect(loginForm(page).username).toBeVisible();
    await snap(page, testInfo, '04-logged-out');

    // Gone at Passerelle (no session comes back) and at the provider (which asks again).
    await page.goto('/');
    await expect(page).toHaveURL(/\/connexion/);
    await toProvider(page);
    await expect(agentButton(page, 'Claire Etcheverry')).toBeVisible();
  });

  test('an unknown agent is told her account is not open; the coordinator opens it in one click; she enters', async ({
    page,
    browser,
  }, testInfo) => {
    const unknown = PROCONNECT_REFUSAL_LABELS.UNKNOWN_ACCOUNT;
    await page.goto('/connexion');
    await toProvider(page);
    await agentButton(page, 'Jeanne Cazaux').click();
    await expect(page).toHaveURL(/\/connexion\/proconnect\?motif=UNKNOWN_ACCOUNT$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(unknown.title);
    await expect(page.getByRole('status')).toHaveText(unknown.text);
    await expect(page.getByRole('link', { name: 'Retour à la page de connexion' })).toBeVisible();
    await snap(page, testInfo, '01-refused');
    await expectAccessible(page, testInfo, 'proconnect-refusal');

    // The coordinator, in her own browser.
    const coordinatorContext = await newBrowserContext(browser);
    try {
      const coordinator = await coordinatorContext.newPage();
      await signIn(coordinator, 'cclo.coordination', DEMO_PASSWORD);
      await sideNavigation(coordinator).getByRole('link', { name: 'Utilisateurs' }).click();
      const requests = coordinator.getByRole('region', { name: 'Demandes d’accès par ProConnect' });
      await expect(requests).toContainText('Jeanne Cazaux');
      await expect(requests).toContainText('jeanne.cazaux@mont.example');
      await expect(requests).toContainText('Mairie de Mont');
      await snap(coordinator, testInfo, '02-request');
      await expectAccessible(coordinator, testInfo, 'users-requests');

      await requests.getByRole('button', { name: 'Ouvrir un compte pour Jeanne Cazaux' }).click();
      await expect(coordinator.getByLabel('Nom et prénom')).toHaveValue('Jeanne Cazaux');
      await expect(coordinator.getByLabel('Adresse électronique')).toHaveValue('jeanne.cazaux@mont.example');
      await expect(coordinator.getByLabel('Identifiant')).toHaveValue('jeanne.cazaux');
      await choose(coordinator, 'Rôle', ROLE_LABELS.INFO_POINT_AGENT);
      await choose(coordinator, 'Organisation', /Mourenx/);
      await snap(coordinator, testInfo, '03-open-account');
      await coordinator.getByRole('button', { name: 'Ouvrir le compte' }).click();
      await expect(coordinator.getByText('Le compte de Jeanne Cazaux est ouvert')).toBeVisible();
      await expect(requests).toHaveCount(0);
      const row = coordinator.getByRole('row').filter({ hasText: 'jeanne.cazaux' });
      await expect(row).toContainText('Actif');
      await expect(row).toContainText('Se connecte avec ProConnect');
      // No activation code: she signs in with ProConnect.
      await expect(coordinator.locator('#activation-code')).toHaveCount(0);
    } finally {
      await coordinatorContext.close();
    }

    await page.getByRole('link', { name: 'Retour à la page de connexion' }).click();
    await expect(page).toHaveURL(/\/connexion$/);
    // Still signed in at the provider: it sends her straight back, this time in.
    await proconnectButton(page).click();
    const chooser = agentButton(page, 'Jeanne Cazaux');
    const home = page.getByRole('heading', { level: 1, name: 'Bonjour, Jeanne Cazaux' });
    await expect(chooser.or(home)).toBeVisible();
    if (await chooser.isVisible()) await chooser.click();
    await expect(home).toBeVisible();
    await snap(page, testInfo, '04-she-enters');
  });

  test('an organisation that requires ProConnect: the coordinator switches it on, its members’ password is refused, ProConnect lets them in', async ({
    page,
    browser,
  }, testInfo) => {
    const coordinatorContext = await newBrowserContext(browser);
    const coordinator = await coordinatorContext.newPage();
    const requires = coordinator.getByRole('switch', {
      name: 'Connexion par ProConnect obligatoire pour Mairie de Monein',
    });
    try {
      await signIn(coordinator, 'cclo.coordination', DEMO_PASSWORD);
      await sideNavigation(coordinator).getByRole('link', { name: 'Organisations' }).click();
      await expect(requires).not.toBeChecked();
      await requires.click();
      await expect(coordinator.getByText(/se connectent désormais avec ProConnect uniquement/)).toBeVisible();
      await expect(requires).toBeChecked();
      await snap(coordinator, testInfo, '01-organisation-requires-proconnect');
      await expectAccessible(coordinator, testInfo, 'organizations-proconnect');

      await page.goto('/connexion');
      const form = loginForm(page);
      await form.username.fill('monein.relais');
      await form.password.fill(DEMO_PASSWORD);
      await form.submit.click();
      await expect(page.getByRole('alert')).toHaveText(
        'Votre organisation se connecte avec ProConnect : utilisez le bouton « S’identifier avec ProConnect ».',
      );
      await snap(page, testInfo, '02-password-refused');

      await toProvider(page);
      await agentButton(page, 'Pierre Larrieu').click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Bonjour, Pierre Larrieu/);
    } finally {
      // The other browser tests sign in as monein.relais with the password.
      await coordinator.reload();
      if (await requires.isChecked()) {
        await requires.click();
        await expect(
          coordinator.getByText(/peuvent de nouveau se connecter avec leur mot de passe/),
        ).toBeVisible();
      }
      await coordinatorContext.close();
    }
  });
});
