import type { Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import type { UserWithActivationCode } from '@passerelle/shared/domain';
import { apiToken, organizationNamed, uniqueName } from './support/casework-api';
import { expect, test } from './support/fixtures';
import { expectAccessible, loginForm, sideNavigation, signIn, snap } from './support/pages';

test.describe.configure({ mode: 'serial' });

/** The code an authenticator app shows for `secret`, `offsetSeconds` from now. */
function appCode(secret: string, offsetSeconds = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({
    timestamp: Date.now() + offsetSeconds * 1000,
  });
}

/** Six digits that are no code of the app around now. */
function wrongCode(secret: string): string {
  const near = [-30, 0, 30].map((offset) => appCode(secret, offset));
  return ['000000', '111111', '222222', '333333'].find((code) => !near.includes(code)) ?? '444444';
}

test.describe('second factor', () => {
  const username = uniqueName('aldudes.').toLowerCase();
  const displayName = 'Alaia Bidegain';
  const password = 'un-mot-de-passe-solide';
  let secret = '';
  let recoveryCodes: string[] = [];

  // A fresh account of its own: the demo accounts stay as the other specs expect them.
  test.beforeAll(async ({ request }) => {
    const coordinator = await apiToken(request, 'cclo.coordination');
    const headers = { Authorization: `Bearer ${coordinator}` };
    const lagor = await organizationNamed(request, coordinator, 'Lagor');
    const created = await request.post('/api/users', {
      headers,
      data: { username, displayName, role: 'RELAY_CLERK', organizationId: lagor.id },
    });
    expect(created.status()).toBe(201);
    const { activationCode } = (await created.json()) as UserWithActivationCode;
    const activated = await request.post('/api/auth/activate', {
      data: { username, activationCode, password },
    });
    expect(activated.status()).toBe(204);
  });

  async function signOut(page: Page): Promise<void> {
    await page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page).toHaveURL(/\/connexion/);
  }

  async function passwordStep(page: Page): Promise<void> {
    const form = loginForm(page);
    await form.username.fill(username);
    await form.password.fill(password);
    await form.submit.click();
    await expect(page.getByRole('heading', { level: 2, name: 'Vérification en deux étapes' })).toBeVisible();
  }

  test('a user enrols, signs out, signs in with password and code, then with a recovery code', async ({
    page,
  }, testInfo) => {
    await signIn(page, username, password);
    await page.getByRole('banner').getByRole('link', { name: 'Double authentification' }).click();
    await expect(page).toHaveURL(/\/compte\/double-authentification$/);
    await expect(page).toHaveTitle('Double authentification — Passerelle');
    await snap(page, testInfo, '01-second-factor-page');
    await expectAccessible(page, testInfo, 'second-factor');

    await page.getByRole('button', { name: 'Activer la double authentification' }).click();
    await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
    secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await snap(page, testInfo, '02-enrolment');
    await expectAccessible(page, testInfo, 'second-factor-enrolment');
    await page.getByLabel('Code de l’application').fill(wrongCode(secret));
    await page.getByRole('button', { name: 'Activer la double authentification' }).click();
    await expect(page.getByRole('alert')).toContainText('Code incorrect.');
    await page.getByLabel('Code de l’application').fill(appCode(secret));
    await page.getByRole('button', { name: 'Activer la double authentification' }).click();

    const codes = page.getByRole('list', { name: 'Codes de secours' }).getByRole('listitem');
    await expect(codes).toHaveCount(10);
    recoveryCodes = (await codes.allTextContents()).map((code) => code.trim());
    await expect(page.getByText('ils ne seront plus jamais affichés')).toBeVisible();
    await snap(page, testInfo, '03-recovery-codes');
    await expectAccessible(page, testInfo, 'second-factor-recovery-codes');
    await page.getByRole('button', { name: 'J’ai noté mes codes' }).click();
    await expect(page.getByRole('status')).toContainText('La double authentification est activée');
    await expect(page.getByRole('status')).toContainText('Codes de secours restants : 10');

    await signOut(page);
    await passwordStep(page);
    await snap(page, testInfo, '04-code-asked');
    await expectAccessible(page, testInfo, 'second-factor-sign-in');
    // The next time step's code: the enrolment spent the current one (a code works once).
    await page.getByLabel('Code de vérification').fill(appCode(secret, 30));
    await page.getByRole('button', { name: 'Valider' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bonjour, ${displayName}`);
    await snap(page, testInfo, '05-signed-in-with-code');

    await signOut(page);
    await passwordStep(page);
    await page.getByLabel('Code de vérification').fill(recoveryCodes[0] ?? '');
    await page.getByRole('button', { name: 'Valider' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bonjour, ${displayName}`);

    // A recovery code works once.
    await signOut(page);
    await passwordStep(page);
    await page.getByLabel('Code de vérification').fill(recoveryCodes[0] ?? '');
    await page.getByRole('button', { name: 'Valider' }).click();
    await expect(page.getByRole('alert')).toContainText('Code incorrect ou déjà utilisé.');
    await snap(page, testInfo, '06-recovery-code-spent');
  });

  test('the coordinator resets it: the password alone signs in again', async ({ page }, testInfo) => {
    await signIn(page, 'cclo.coordination', 'demo');
    await sideNavigation(page).getByRole('link', { name: 'Utilisateurs' }).click();
    const row = page.getByRole('row').filter({ hasText: username });
    await expect(row).toContainText('Double authentification activée');
    await row
      .getByRole('button', { name: `Réinitialiser la double authentification de ${displayName}` })
      .click();
    await expect(page.getByRole('status')).toContainText(
      `La double authentification de ${displayName} est réinitialisée`,
    );
    await expect(row).not.toContainText('Double authentification activée');
    await snap(page, testInfo, '07-reset');
    await expectAccessible(page, testInfo, 'users-second-factor-reset');

    await signOut(page);
    await signIn(page, username, password);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bonjour, ${displayName}`);
  });
});
