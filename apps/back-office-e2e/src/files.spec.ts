import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { DEMO_PASSWORD } from './support/accounts';
import { expect, test } from './support/fixtures';
import { apiToken, communes, completeFile, createFile, uniqueWord } from './support/files-api';
import { expectAccessible, signIn, snap } from './support/pages';

const AGENT = 'mourenx.agent';

/** `JJ/MM/AAAA`, as the date fields take it. */
function typed(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

/** A colleague's change through the API, with the file's current ETag. */
async function changeThroughApi(
  request: APIRequestContext,
  token: string,
  id: string,
  patch: object,
): Promise<void> {
  const headers = { Authorization: `Bearer ${token}` };
  const current = await request.get(`/api/applicant-files/${id}`, { headers });
  expect(current.status()).toBe(200);
  const etag = current.headers()['etag'];
  const response = await request.patch(`/api/applicant-files/${id}`, {
    data: patch,
    headers: { ...headers, 'If-Match': etag },
  });
  expect(response.status(), 'change through the API').toBe(200);
}

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

  test('edits the household, the resources and the current housing', async ({ page, request }, testInfo) => {
    const token = await apiToken(request, AGENT);
    const [commune] = await communes(request, token);
    const lastName = uniqueWord('Irigoyen');
    const file = await createFile(request, token, completeFile(lastName, 'Maialen', commune.inseeCode));
    const expected = new Date();
    expected.setMonth(expected.getMonth() + 4);

    await signIn(page, AGENT, DEMO_PASSWORD);
    await page.goto(`/dossiers/${file.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(new RegExp(lastName, 'i'));

    // Household: a co-applicant, a child and a child to be born.
    await page.getByRole('link', { name: 'Modifier le ménage' }).click();
    await expect(page).toHaveURL(new RegExp(`/dossiers/${file.id}/modifier/menage$`));
    const household = page.getByRole('dialog', { name: 'Ménage' });
    await household.getByLabel('La demande est faite avec un co-demandeur').check();
    const co = household.getByRole('group', { name: 'Co-demandeur' });
    await co.getByRole('combobox', { name: 'Lien avec le demandeur' }).click();
    await page.getByRole('option', { name: 'Conjoint(e)' }).click();
    await co.getByLabel('Nom de naissance').fill('Etxeberria');
    await co.getByLabel('Prénoms').fill('Beñat');
    await co.getByLabel('Date de naissance').fill('02/04/1979');
    await co.getByRole('combobox', { name: 'Situation professionnelle' }).click();
    await page.getByRole('option', { name: 'Retraité(e)' }).click();

    await household.getByRole('button', { name: 'Ajouter une personne à charge' }).click();
    const child = household.getByRole('group', { name: 'Personne n° 1' });
    await child.getByRole('combobox', { name: 'Lien de parenté' }).click();
    await page.getByRole('option', { name: 'Enfant', exact: true }).click();
    await child.getByLabel('Prénoms').fill('Léa');
    await child.getByLabel('Date de naissance').fill('01/09/2015');
    await household.getByRole('button', { name: 'Ajouter un enfant à naître' }).click();
    await household.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(household.getByText('Date de naissance prévue : ce champ est obligatoire.')).toBeVisible();
    const unborn = household.getByRole('group', { name: 'Personne n° 2' });
    await unborn.getByLabel('Date de naissance prévue').fill(typed(expected));
    await expectAccessible(page, testInfo, 'menage');
    await snap(page, testInfo, '11-menage');
    await household.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(household).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`/dossiers/${file.id}$`));
    await expect(
      page.getByText(/ETXEBERRIA Beñat, né\(e\) le 02\/04\/1979\s+—\s+Conjoint\(e\)/),
    ).toBeVisible();
    await expect(page.getByText('Personne à charge : Léa')).toBeVisible();
    await expect(page.getByText(`naissance prévue le ${typed(expected)}`)).toBeVisible();

    // Resources: per person and type; the co-applicant is now one of the people.
    await page.getByRole('link', { name: 'Modifier les ressources' }).click();
    await expect(page).toHaveURL(new RegExp(`/dossiers/${file.id}/modifier/ressources$`));
    const resources = page.getByRole('dialog', { name: 'Ressources' });
    await resources.getByRole('button', { name: 'Ajouter une ressource' }).click();
    const salary = resources.getByRole('group', { name: 'Ressource n° 1' });
    await salary.getByRole('combobox', { name: 'Type de ressource' }).click();
    await page.getByRole('option', { name: 'Salaire' }).click();
    await salary.getByLabel('Montant mensuel').fill('1450');
    await resources.getByRole('button', { name: 'Ajouter une ressource' }).click();
    const pension = resources.getByRole('group', { name: 'Ressource n° 2' });
    await pension.getByRole('combobox', { name: 'Bénéficiaire' }).click();
    await page.getByRole('option', { name: /Co-demandeur/ }).click();
    await pension.getByRole('combobox', { name: 'Type de ressource' }).click();
    await page.getByRole('option', { name: 'Retraite' }).click();
    await pension.getByLabel('Montant mensuel').fill('980.555');
    await resources.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(resources.getByText('Montant mensuel : deux décimales au plus.')).toBeVisible();
    await pension.getByLabel('Montant mensuel').fill('980');
    await expect(resources.getByText(/Total mensuel du ménage : 2\s430\s€/)).toBeVisible();
    await resources
      .getByRole('group', { name: /^Demandeur/ })
      .getByLabel('Revenu fiscal de référence')
      .fill('16000');
    await resources
      .getByRole('group', { name: /^Co-demandeur/ })
      .getByLabel('Revenu fiscal de référence')
      .fill('12500');
    await expectAccessible(page, testInfo, 'ressources');
    await snap(page, testInfo, '12-ressources');
    await resources.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(resources).toBeHidden();
    await page.getByRole('button', { name: 'Ressources' }).click();
    await expect(page.getByText(/Demandeur \(.*\)\s+—\s+Salaire : 1\s450\s€\s+par mois/)).toBeVisible();
    await expect(
      page.getByText(/Co-demandeur \(ETXEBERRIA Beñat\)\s+—\s+Retraite : 980\s€\s+par mois/),
    ).toBeVisible();
    await expect(
      page.getByText(/Revenu fiscal de référence\s+\d{4}\s+\(Co-demandeur .*\)\s+:\s+12\s500\s€/),
    ).toBeVisible();

    // Current housing and the reasons, one of them the main one.
    await page.getByRole('link', { name: 'Modifier le logement actuel' }).click();
    await expect(page).toHaveURL(new RegExp(`/dossiers/${file.id}/modifier/logement$`));
    const housing = page.getByRole('dialog', { name: 'Logement actuel' });
    await housing.getByRole('combobox', { name: 'Situation de logement' }).click();
    await page.getByRole('option', { name: 'Locataire du parc privé' }).click();
    await housing.getByRole('combobox', { name: 'Type de logement' }).click();
    await page.getByRole('option', { name: 'Appartement' }).click();
    await housing.getByLabel('Nombre de pièces').fill('2.5');
    await housing.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(housing.getByText('Nombre de pièces : nombre entier attendu.')).toBeVisible();
    await housing.getByLabel('Nombre de pièces').fill('3');
    await housing.getByLabel('Surface').fill('62');
    await housing.getByLabel("Nombre d'occupants").fill('4');
    await housing.getByLabel('Loyer mensuel').fill('620');
    await housing.getByLabel('Charges mensuelles').fill('45');
    await housing.getByLabel('Aide au logement mensuelle').fill('210');
    await housing.getByLabel('Propriétaire ou bailleur').fill('M. Etcheverry');
    await housing.getByLabel('Dans ce logement depuis le').fill('01/07/2019');
    await housing.getByRole('combobox', { name: 'Motifs', exact: true }).click();
    await page.getByRole('option', { name: 'Logement trop cher' }).click();
    await page.getByRole('option', { name: 'Logement trop petit' }).click();
    await page.keyboard.press('Escape');
    await housing.getByRole('combobox', { name: 'Motif principal' }).click();
    await page.getByRole('option', { name: 'Logement trop petit' }).click();
    await expectAccessible(page, testInfo, 'logement');
    await snap(page, testInfo, '13-logement');
    await housing.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(housing).toBeHidden();
    await page.getByRole('button', { name: 'Logement actuel' }).click();
    await expect(page.getByText('Locataire du parc privé')).toBeVisible();
    await expect(page.getByText('62 m²')).toBeVisible();
    await expect(page.getByText('M. Etcheverry')).toBeVisible();
    await expect(page.getByText(/^\s*620\s€ par mois\s*$/)).toBeVisible();
    await expect(page.getByText('Motif principal : Logement trop petit')).toBeVisible();
    await snap(page, testInfo, '14-dossier-complete');

    // A colleague changes the housing meanwhile: the stale edit is refused, never written.
    await page.getByRole('link', { name: 'Modifier le logement actuel' }).click();
    const again = page.getByRole('dialog', { name: 'Logement actuel' });
    await expect(again.getByLabel('Surface')).toHaveValue('62');
    await changeThroughApi(request, token, file.id, { currentHousing: { surface: 64 } });
    await again.getByLabel('Nombre de pièces').fill('4');
    await again.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(again.getByText("Ce dossier a été modifié par quelqu'un d'autre")).toBeVisible();
    await expectAccessible(page, testInfo, 'logement-perime');
    await again.getByRole('button', { name: 'Recharger' }).click();
    await expect(again.getByLabel('Surface')).toHaveValue('64');
    await expect(again.getByLabel('Nombre de pièces')).toHaveValue('3');
    await again.getByRole('button', { name: 'Annuler' }).click();
    await expect(again).toBeHidden();
    await expect(page.getByText('64 m²')).toBeVisible();
  });
});
