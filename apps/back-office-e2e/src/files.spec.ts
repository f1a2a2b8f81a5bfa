import type { Browser, Page } from '@playwright/test';
import { DEMO_PASSWORD } from './support/accounts';
import { expect, test } from './support/fixtures';
import { apiToken, communes, completeFile, createFile, uniqueWord } from './support/files-api';
import { expectAccessible, signIn, snap } from './support/pages';

const AGENT = 'mourenx.agent';

async function signedInPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  await signIn(page, AGENT, DEMO_PASSWORD);
  return page;
}

test.describe('Dossiers', () => {
  test('finds a name typed without its accents, and keeps the search in the URL', async ({
    page,
    request,
  }, testInfo) => {
    const token = await apiToken(request, AGENT);
    const word = uniqueWord('Ménard');
    await createFile(request, token, {
      applicant: { lastName: `Dupré-${word}`, firstNames: 'Hélène', birthDate: '1980-02-29' },
    });

    await signIn(page, AGENT, DEMO_PASSWORD);
    await page.goto('/dossiers');
    await expect(page.getByRole('heading', { level: 1, name: 'Dossiers' })).toBeVisible();
    await expect(page.getByRole('row')).not.toHaveCount(1);
    await expectAccessible(page, testInfo, 'liste');
    await snap(page, testInfo, '01-liste');

    const plain = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    await page.getByLabel('Rechercher un demandeur').pressSequentially(`${plain} helene`, { delay: 30 });
    const row = page.getByRole('row').filter({ hasText: new RegExp(word, 'i') });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('29/02/1980');
    await expect(page).toHaveURL(/[?&]q=/);
    await snap(page, testInfo, '02-recherche');

    // A reload, or the same link sent to a colleague, gives the same list.
    await page.reload();
    await expect(page.getByLabel('Rechercher un demandeur')).toHaveValue(`${plain} helene`);
    await expect(page.getByRole('row').filter({ hasText: new RegExp(word, 'i') })).toHaveCount(1);

    await page.getByLabel('Rechercher un demandeur').fill(`${plain}zzz`);
    await expect(
      page.getByText("Aucun dossier ne correspond. Vérifiez l'orthographe ou créez un dossier."),
    ).toBeVisible();
    await snap(page, testInfo, '03-aucun-resultat');

    await page.getByLabel('Rechercher un demandeur').fill(plain);
    await page.getByRole('link', { name: new RegExp(word, 'i') }).click();
    await expect(page).toHaveURL(/\/dossiers\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(new RegExp(word, 'i'));
  });

  test('warns of a possible duplicate when creating a file for a known person', async ({
    page,
    request,
  }, testInfo) => {
    const token = await apiToken(request, AGENT);
    const lastName = uniqueWord('Etchegaray');
    const first = await createFile(request, token, {
      applicant: { lastName, firstNames: 'Mikel', birthDate: '1975-03-14' },
    });

    await signIn(page, AGENT, DEMO_PASSWORD);
    await page.goto('/dossiers');
    await page.getByRole('link', { name: 'Nouveau dossier' }).click();
    await expect(page).toHaveURL(/\/dossiers\/nouveau$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Nouveau dossier' })).toBeVisible();

    // French validation messages before anything is sent.
    await page.getByRole('button', { name: 'Créer le dossier' }).click();
    await expect(page.getByText('Nom de naissance : ce champ est obligatoire.')).toBeVisible();
    await expectAccessible(page, testInfo, 'creation');
    await snap(page, testInfo, '04-creation-erreurs');

    await page.getByLabel('Nom de naissance').fill(lastName);
    await page.getByLabel('Prénoms').fill('Mikel');
    await page.getByLabel('Date de naissance').fill('14/03/1975');
    await page.getByLabel('Téléphone').fill('06 12 34 56 78');
    await page.getByRole('button', { name: 'Créer le dossier' }).click();

    const warning = page.getByRole('alert').filter({ hasText: 'doublon possible' });
    await expect(warning).toBeVisible();
    await expect(warning.getByRole('link', { name: new RegExp(lastName, 'i') })).toHaveAttribute(
      'href',
      `/dossiers/${first.id}`,
    );
    await expectAccessible(page, testInfo, 'creation-doublon');
    await snap(page, testInfo, '05-doublon');

    await page.getByRole('link', { name: 'Ouvrir le nouveau dossier' }).click();
    await expect(page).toHaveURL(/\/dossiers\/[0-9a-f-]{36}$/);
    expect(page.url()).not.toContain(first.id);
    await expect(page.getByText('Pour enregistrer la demande, il manque :')).toBeVisible();

    // The duplicate is closed as « Doublon », pointing at the file that is kept.
    await page.getByRole('link', { name: 'Radier' }).click();
    await expect(page).toHaveURL(/\/radiation$/);
    const closure = page.getByRole('dialog', { name: 'Radier la demande' });
    await closure.getByRole('combobox', { name: 'Motif de radiation' }).click();
    await expect(page.getByRole('option', { name: 'Attribution (bail signé)' })).toHaveCount(0);
    await page.getByRole('option', { name: 'Doublon' }).click();
    await closure.getByRole('combobox', { name: 'Dossier conservé' }).click();
    await page.getByRole('option', { name: new RegExp(lastName, 'i') }).click();
    await expectAccessible(page, testInfo, 'radiation');
    await snap(page, testInfo, '05b-radiation');
    await closure.getByRole('button', { name: 'Radier la demande' }).click();
    await expect(closure).toBeHidden();
    await expect(page.locator('.facts')).toContainText('Radiée');
    await expect(page.getByRole('link', { name: 'dossier conservé' })).toHaveAttribute(
      'href',
      `/dossiers/${first.id}`,
    );
  });

  test('opens a file, edits a section and registers the demand', async ({ page, request }, testInfo) => {
    const token = await apiToken(request, AGENT);
    const [commune] = await communes(request, token);
    const lastName = uniqueWord('Lacoste');
    const file = await createFile(request, token, completeFile(lastName, 'Élodie', commune.inseeCode));

    await signIn(page, AGENT, DEMO_PASSWORD);
    // A deep link survives a reload.
    await page.goto(`/dossiers/${file.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(new RegExp(lastName, 'i'));
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(new RegExp(lastName, 'i'));
    await expect(page.locator('.facts')).toContainText('Contact');
    await expect(page.getByRole('button', { name: 'Souhaits' })).toBeVisible();
    await expectAccessible(page, testInfo, 'dossier');
    await snap(page, testInfo, '06-dossier');

    await page.getByRole('link', { name: "Modifier l'identité et le contact" }).click();
    await expect(page).toHaveURL(new RegExp(`/dossiers/${file.id}/modifier/identite$`));
    const dialog = page.getByRole('dialog', { name: 'Identité et contact' });
    await dialog.getByLabel('Téléphone').fill('abc');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(dialog.getByText('Téléphone : format invalide.')).toBeVisible();
    await dialog.getByLabel('Téléphone').fill('05 59 71 71 71');
    await expectAccessible(page, testInfo, 'modification');
    await snap(page, testInfo, '07-modification');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`/dossiers/${file.id}$`));
    await expect(page.getByText('05 59 71 71 71')).toBeVisible();

    await page.getByRole('link', { name: 'Enregistrer la demande' }).click();
    await expect(page).toHaveURL(new RegExp(`/dossiers/${file.id}/enregistrement$`));
    const registration = page.getByRole('dialog', { name: 'Enregistrer la demande' });
    await registration.getByLabel('Numéro SNE').fill('abc');
    await registration.getByRole('button', { name: 'Enregistrer la demande' }).click();
    await expect(
      registration.getByText('Numéro SNE : de 13 à 20 chiffres ou lettres majuscules.'),
    ).toBeVisible();
    const sne = `064${Date.now()}`.slice(0, 16);
    await registration.getByLabel('Numéro SNE').fill(sne);
    await snap(page, testInfo, '08-enregistrement');
    await registration.getByRole('button', { name: 'Enregistrer la demande' }).click();
    await expect(registration).toBeHidden();
    await expect(page.locator('.facts')).toContainText('Enregistrée');
    await expect(page.locator('.facts')).toContainText(sne);
    await expect(page.getByRole('link', { name: 'Renouveler' })).toBeVisible();

    await page.getByRole('button', { name: 'Historique' }).click();
    await expect(page.getByText('Demande enregistrée')).toBeVisible();
    await expect(page.getByText('Dossier modifié')).toBeVisible();
    await snap(page, testInfo, '09-enregistree-historique');
  });

  test('a stale edit says someone else changed the file, and never overwrites', async ({
    browser,
    request,
  }, testInfo) => {
    const token = await apiToken(request, AGENT);
    const lastName = uniqueWord('Larrieu');
    const file = await createFile(request, token, {
      applicant: { lastName, firstNames: 'Jean', birthDate: '1990-01-01' },
    });

    const first = await signedInPage(browser);
    const second = await signedInPage(browser);
    for (const page of [first, second]) {
      await page.goto(`/dossiers/${file.id}/modifier/identite`);
      await expect(page.getByRole('dialog', { name: 'Identité et contact' })).toBeVisible();
    }

    const firstDialog = first.getByRole('dialog');
    await firstDialog.getByLabel('Téléphone').fill('05 59 11 11 11');
    await firstDialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(firstDialog).toBeHidden();

    const secondDialog = second.getByRole('dialog');
    await secondDialog.getByLabel('Téléphone').fill('05 59 22 22 22');
    await secondDialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(secondDialog.getByText("Ce dossier a été modifié par quelqu'un d'autre")).toBeVisible();
    await expectAccessible(second, testInfo, 'modification-perimee');
    await snap(second, testInfo, '10-modification-perimee');

    await secondDialog.getByRole('button', { name: 'Recharger' }).click();
    await expect(secondDialog.getByLabel('Téléphone')).toHaveValue('05 59 11 11 11');
    await expect(secondDialog.getByText("Ce dossier a été modifié par quelqu'un d'autre")).toBeHidden();
    await secondDialog.getByRole('button', { name: 'Annuler' }).click();
    await expect(second.getByText('05 59 11 11 11')).toBeVisible();

    await first.context().close();
    await second.context().close();
  });
});
