import { FRAGILITY_CRITERION_LABELS, REFERRAL_STATUS_LABELS } from '@passerelle/shared/domain';
import { DEMO_PASSWORD } from './support/accounts';
import { apiToken, createFile, createReferral, organizationNamed, uniqueName } from './support/casework-api';
import { expect, test } from './support/fixtures';
import { choose } from './support/casework-forms';
import { expectAccessible, sideNavigation, signIn, snap } from './support/pages';

const MOURENX = 'Point-info logement social de Mourenx';

test.describe.configure({ mode: 'serial' });

test.describe('referrals', () => {
  const lastName = uniqueName('Orientee');

  test('a relay clerk refers someone to Mourenx, then finds it in « Mes orientations »', async ({
    page,
  }, testInfo) => {
    await signIn(page, 'lagor.relais', DEMO_PASSWORD);
    await sideNavigation(page).getByRole('link', { name: 'Nouvelle orientation' }).click();
    await expect(page).toHaveURL(/\/orientations\/nouvelle$/);
    await expect(page).toHaveTitle('Nouvelle orientation — Passerelle');
    await snap(page, testInfo, '01-empty-form');
    await expectAccessible(page, testInfo, 'new-referral');

    // Submitting empty says what is missing, in French.
    await page.getByRole('button', { name: 'Envoyer l’orientation' }).click();
    await expect(page.getByText('Saisissez le nom de la personne.')).toBeVisible();
    await expect(page.getByText('Choisissez l’organisme qui recevra la personne.')).toBeVisible();
    await snap(page, testInfo, '02-errors');
    await expectAccessible(page, testInfo, 'new-referral-errors');

    await page.getByLabel('Nom de naissance').fill(lastName);
    await page.getByLabel('Prénoms').fill('Maïté');
    await page.getByLabel('Date de naissance').fill('1987-04-12');
    await page.getByLabel('Téléphone').fill('05 59 60 12 34');
    await choose(page, 'Commune', 'Lagor');
    await page.getByLabel('Motif de l’orientation').fill('Cherche un T2 près de son travail à Mourenx.');
    await choose(page, 'Fragilités suspectées', FRAGILITY_CRITERION_LABELS.WITHOUT_HOUSING, true);
    await choose(page, 'Organisme destinataire', MOURENX);
    await page.getByLabel('Souhait de rendez-vous').fill('Plutôt le mercredi matin');
    await snap(page, testInfo, '03-filled');

    await page.getByRole('button', { name: 'Envoyer l’orientation' }).click();
    const confirmation = page.getByRole('status').filter({ hasText: 'Orientation envoyée' });
    await expect(confirmation).toBeVisible();
    await expect(confirmation).toContainText(`Maïté ${lastName}`);
    await expect(confirmation).toContainText(MOURENX);
    await snap(page, testInfo, '04-sent');
    await expectAccessible(page, testInfo, 'new-referral-sent');

    await page.getByRole('link', { name: 'Voir mes orientations' }).click();
    await expect(page).toHaveURL(/\/orientations\/envoyees$/);
    const row = page.getByRole('row').filter({ hasText: lastName });
    await expect(row).toContainText(MOURENX);
    await expect(row).toContainText(REFERRAL_STATUS_LABELS.SENT);
    await snap(page, testInfo, '05-my-referrals');
    await expectAccessible(page, testInfo, 'sent-referrals');

    // The clerk follows the person on the file's page (the contact card), though there is no file list.
    await row.getByRole('link', { name: `Ouvrir le dossier de ${lastName} Maïté` }).click();
    await expect(page).toHaveURL(/\/dossiers\/[0-9a-f-]{36}$/);
    // Surnames are shown in capitals, as on the CERFA.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${lastName.toUpperCase()} Maïté`);
    await expect(page.getByRole('link', { name: '← Dossiers' })).toHaveCount(0);
    await snap(page, testInfo, '06-referred-file');
    await expectAccessible(page, testInfo, 'relay-file-page');
  });

  test('Mourenx accepts it, marks it done, and declines another with a reason', async ({
    page,
    request,
  }, testInfo) => {
    // A second referral to decline, sent through the API.
    const relayToken = await apiToken(request, 'lagor.relais');
    const otherName = uniqueName('Refusee');
    const file = await createFile(request, relayToken, {
      lastName: otherName,
      firstNames: 'Jon',
      birthDate: '1990-01-01',
    });
    const mourenx = await organizationNamed(request, relayToken, MOURENX);
    await createReferral(request, relayToken, {
      applicantFileId: file.id,
      toOrganizationId: mourenx.id,
      reason: 'Demande d’information',
    });

    await signIn(page, 'mourenx.agent', DEMO_PASSWORD);
    await sideNavigation(page).getByRole('link', { name: 'Orientations reçues' }).click();
    await expect(page).toHaveURL(/\/orientations\/recues$/);
    await expect(page.getByText(/orientations? (attendent|attend) votre réponse/)).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: lastName });
    await expect(row).toContainText('Mairie de Lagor');
    await expect(row).toContainText(FRAGILITY_CRITERION_LABELS.WITHOUT_HOUSING);
    await expect(row.getByRole('link', { name: new RegExp(`^${lastName}`) })).toHaveAttribute(
      'href',
      /^\/dossiers\/[0-9a-f-]{36}$/,
    );
    await snap(page, testInfo, '01-inbox');
    await expectAccessible(page, testInfo, 'received-referrals');

    await row.getByRole('button', { name: /^Accepter/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Orientation acceptée' })).toBeVisible();
    await expect(row).toContainText(REFERRAL_STATUS_LABELS.ACCEPTED);
    await snap(page, testInfo, '02-accepted');

    await row.getByRole('button', { name: /^Marquer comme traitée/ }).click();
    await expect(row).toContainText(REFERRAL_STATUS_LABELS.DONE);

    // Declining is a dialog with its own URL; the reason is required.
    const other = page.getByRole('row').filter({ hasText: otherName });
    await other.getByRole('link', { name: /^Refuser/ }).click();
    await expect(page).toHaveURL(/\/orientations\/recues\/[0-9a-f-]{36}\/refus$/);
    const dialog = page.getByRole('dialog', { name: 'Refuser l’orientation' });
    await expect(dialog).toContainText(otherName);
    const reason = dialog.getByLabel('Motif du refus');
    await expect(reason).toBeFocused();
    await dialog.getByRole('button', { name: 'Confirmer le refus' }).click();
    await expect(dialog.getByText('Dites pourquoi vous refusez cette orientation.')).toBeVisible();
    await snap(page, testInfo, '03-decline-reason-required');
    await expectAccessible(page, testInfo, 'decline-form');
    await reason.fill('Relève du CCAS d’Orthez');
    await dialog.getByRole('button', { name: 'Confirmer le refus' }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/\/orientations\/recues$/);
    await expect(page.getByRole('status').filter({ hasText: 'Orientation refusée' })).toContainText(
      otherName,
    );
    await expect(other).toContainText(REFERRAL_STATUS_LABELS.DECLINED);
    await expect(other).toContainText('Relève du CCAS d’Orthez');
    await snap(page, testInfo, '04-declined');
  });
});
