import { AUDIT_ACTION_LABELS, ROLE_LABELS } from '@passerelle/shared/domain';
import { DEMO_PASSWORD } from './support/accounts';
import { uniqueName } from './support/casework-api';
import { expect, test } from './support/fixtures';
import { choose } from './support/casework-forms';
import { expectAccessible, sideNavigation, signIn, snap } from './support/pages';

test.describe.configure({ mode: 'serial' });

test.describe('administration', () => {
  const username = uniqueName('artix.').toLowerCase();
  const displayName = 'Amaia Etcheverry';
  const password = 'un-mot-de-passe-solide';

  test('the coordinator creates a user, who activates the account and signs in', async ({
    page,
  }, testInfo) => {
    await signIn(page, 'cclo.coordination', DEMO_PASSWORD);
    await sideNavigation(page).getByRole('link', { name: 'Utilisateurs' }).click();
    await expect(page).toHaveURL(/\/administration\/utilisateurs$/);
    await expect(page.getByRole('row').filter({ hasText: 'mourenx.agent' })).toBeVisible();
    await snap(page, testInfo, '01-users');
    await expectAccessible(page, testInfo, 'users');

    await page.getByRole('button', { name: 'Créer un compte' }).click();
    await page.getByLabel('Nom et prénom').fill(displayName);
    await page.getByLabel('Identifiant').fill(username);
    await choose(page, 'Rôle', ROLE_LABELS.RELAY_CLERK);
    await choose(page, 'Organisation', /Lagor/);
    await snap(page, testInfo, '02-create-form');
    await expectAccessible(page, testInfo, 'users-create');
    await page.getByRole('button', { name: 'Créer le compte' }).click();

    const codePanel = page.locator('#activation-code');
    await expect(codePanel).toContainText('il ne sera plus jamais affiché');
    const code = (await codePanel.getByLabel('Code d’activation').textContent())?.trim() ?? '';
    expect(code.length).toBeGreaterThan(5);
    await snap(page, testInfo, '03-activation-code');
    await expectAccessible(page, testInfo, 'users-code');
    await page.getByRole('button', { name: 'J’ai noté le code' }).click();
    await expect(codePanel).toHaveCount(0);
    await expect(page.getByRole('row').filter({ hasText: username })).toContainText(
      'En attente d’activation',
    );

    await page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page).toHaveURL(/\/connexion/);
    await page.getByRole('link', { name: 'Première connexion ? Activer mon compte' }).click();
    await expect(page).toHaveURL(/\/activation$/);
    await expect(page).toHaveTitle('Activation du compte — Passerelle');
    await snap(page, testInfo, '04-activation-page');
    await expectAccessible(page, testInfo, 'activation');

    await page.getByLabel('Identifiant').fill(username);
    await page.getByLabel('Code d’activation').fill(code);
    await page.getByLabel('Nouveau mot de passe').fill('court');
    await page.getByLabel('Confirmation du mot de passe').fill('autre');
    await page.getByRole('button', { name: 'Activer mon compte' }).click();
    await expect(page.getByText('Au moins 12 caractères, s’il vous plaît.')).toBeVisible();
    await expect(page.getByText('Les deux mots de passe ne sont pas identiques.')).toBeVisible();
    await snap(page, testInfo, '05-activation-errors');
    await expectAccessible(page, testInfo, 'activation-errors');

    await page.getByLabel('Nouveau mot de passe').fill(password);
    await page.getByLabel('Confirmation du mot de passe').fill(password);
    await page.getByRole('button', { name: 'Activer mon compte' }).click();
    await expect(page).toHaveURL(/\/connexion$/);
    await expect(page.getByText('Votre compte est activé.')).toBeVisible();
    await snap(page, testInfo, '06-activated');

    const { user } = await signIn(page, username, password);
    expect(user.role).toBe('RELAY_CLERK');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bonjour, ${displayName}`);
    await snap(page, testInfo, '07-signed-in');
  });

  test('« who reset this account, from which address? »: one click from the users', async ({
    page,
  }, testInfo) => {
    await signIn(page, 'cclo.coordination', DEMO_PASSWORD);
    await sideNavigation(page).getByRole('link', { name: 'Utilisateurs' }).click();
    const row = page.getByRole('row').filter({ hasText: username });
    await row.getByRole('button', { name: `Nouveau code d’activation pour ${displayName}` }).click();
    await expect(page.locator('#activation-code')).toContainText('il ne sera plus jamais affiché');
    await page.getByRole('button', { name: 'J’ai noté le code' }).click();

    await row.getByRole('link', { name: `Journal du compte de ${displayName}` }).click();
    await expect(page).toHaveURL(/\/administration\/journal-des-acces\?cible=[0-9a-f-]{36}$/);
    await expect(page.getByLabel('Compte ou organisation modifié')).toContainText(displayName);
    const reset = page.getByRole('row').filter({ hasText: 'Nouveau code d’activation' }).first();
    await expect(reset).toContainText('Anne Puyau');
    await expect(reset).toContainText(`Compte : ${displayName}`);
    await expect(reset).toContainText(/127\.0\.0\.1|::1/);
    await expect(reset).toContainText('PATCH /api/users/:id');
    // Its creation and the password its owner chose are there too, without any value.
    await expect(page.getByRole('row').filter({ hasText: 'Mot de passe choisi' })).toContainText(username);
    await expect(page.getByRole('row').filter({ hasText: 'POST /api/users' })).toContainText(
      `Rôle : ${ROLE_LABELS.RELAY_CLERK}`,
    );
    await expect(page.getByRole('table')).not.toContainText(password);
    await snap(page, testInfo, '01-account-log');
    await expectAccessible(page, testInfo, 'account-log');
  });

  test('the access log lists that sign-in', async ({ page }, testInfo) => {
    await signIn(page, 'cclo.coordination', DEMO_PASSWORD);
    await sideNavigation(page).getByRole('link', { name: 'Journal des accès' }).click();
    await expect(page).toHaveURL(/\/administration\/journal-des-acces$/);
    await expect(page.getByRole('table')).toBeVisible();
    await snap(page, testInfo, '01-access-log');
    await expectAccessible(page, testInfo, 'access-log');

    await choose(page, 'Utilisateur', `${displayName} (${username})`);
    await choose(page, 'Action', AUDIT_ACTION_LABELS.LOGIN);
    await page.getByRole('button', { name: 'Filtrer' }).click();
    const rows = page.getByRole('row').filter({ hasText: AUDIT_ACTION_LABELS.LOGIN });
    await expect(rows.first()).toContainText(displayName);
    await expect(rows.first()).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}/);
    await snap(page, testInfo, '02-access-log-filtered');
    await expectAccessible(page, testInfo, 'access-log-filtered');
  });

  test('the coordinator adds and renames an organisation', async ({ page }, testInfo) => {
    const name = uniqueName('Association ');
    await signIn(page, 'cclo.coordination', DEMO_PASSWORD);
    await sideNavigation(page).getByRole('link', { name: 'Organisations' }).click();
    await expect(page).toHaveURL(/\/administration\/organisations$/);
    await snap(page, testInfo, '01-organisations');
    await expectAccessible(page, testInfo, 'organisations');

    await page.getByRole('button', { name: 'Ajouter une organisation' }).click();
    await page.getByLabel('Nom', { exact: true }).fill(name);
    await choose(page, 'Type', 'Service social');
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await expect(page.getByRole('status')).toContainText(`${name} est ajoutée au réseau.`);

    const row = page.getByRole('row').filter({ hasText: name });
    await row.getByRole('button', { name: `Renommer ${name}` }).click();
    const newName = page.getByLabel('Nouveau nom');
    await expect(newName).toBeFocused();
    await newName.fill(`${name} Béarn`);
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(page.getByRole('status')).toContainText(`s’appelle désormais ${name} Béarn`);
    await snap(page, testInfo, '02-renamed');
    await expectAccessible(page, testInfo, 'organisations-renamed');
  });
});
