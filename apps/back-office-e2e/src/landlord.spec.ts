import {
  addDays,
  calendarDateInParis,
  CLOSURE_REASON_LABELS,
  CONFIDENTIAL_DOCUMENT_LABEL,
  DOCUMENT_TYPE_LABELS,
  FILE_STATUS_LABELS,
  PARTNER_EVENT_TYPE_LABELS,
  REFERRAL_STATUS_LABELS,
} from '@passerelle/shared/domain';
import { DEMO_PASSWORD } from './support/accounts';
import { apiToken, createFile, createReferral, organizationNamed, uniqueName } from './support/casework-api';
import { choose } from './support/casework-forms';
import { uploadDocument } from './support/casework-setup';
import { expect, test } from './support/fixtures';
import { expectAccessible, signIn, snap } from './support/pages';
import { registeredFile } from './support/shared-files';

/** A weekday after today, in Paris: the appointment is still to come. */
function nextWeekday(): string {
  let day = addDays(calendarDateInParis(new Date()), 1);
  while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = addDays(day, 1);
  return day;
}

test.describe('landlord', () => {
  test('Office 64 records an offer, a commission decision and the signed lease: the file is housed', async ({
    page,
    request,
  }, testInfo) => {
    const lastName = uniqueName('Bailleur');
    const file = await registeredFile(request, lastName, 'Amaia');

    await signIn(page, 'office64.bailleur', DEMO_PASSWORD);
    await page.goto(`/dossiers/${file.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(new RegExp(lastName, 'i'));
    const status = page.locator('header dd.status');
    await expect(status).toHaveText(FILE_STATUS_LABELS.REGISTERED);

    const header = page.getByRole('button', { name: 'Propositions et attributions' });
    await header.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText(/Aucune proposition, décision de commission ni bail/)).toBeVisible();
    await snap(page, testInfo, '01-shared-file');
    await expectAccessible(page, testInfo, 'landlord-file');

    // An offer.
    await page.getByRole('link', { name: 'Enregistrer une proposition de logement' }).click();
    await expect(page).toHaveURL(new RegExp(`/dossiers/${file.id}/suivi/proposition$`));
    const offer = page.getByRole('dialog', { name: 'Enregistrer une proposition de logement' });
    // The dialog puts the focus on its first field once open: typing before would go there.
    await expect(offer.locator(':focus')).toHaveCount(1);
    await offer.getByLabel('Logement proposé').fill('T2 au 4 rue des Pyrénées, Mourenx — 412 € par mois');
    await snap(page, testInfo, '02-offer');
    await expectAccessible(page, testInfo, 'offer-dialog');
    await offer.getByRole('button', { name: 'Enregistrer la proposition' }).click();
    await expect(offer).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`/dossiers/${file.id}$`));
    const entries = page.getByRole('listitem').filter({ hasText: 'Office 64' });
    await expect(entries.filter({ hasText: PARTNER_EVENT_TYPE_LABELS.OFFER_MADE })).toContainText(
      '4 rue des Pyrénées',
    );

    // A commission decision: the decision is required.
    await page.getByRole('link', { name: 'Enregistrer une décision de commission' }).click();
    const commission = page.getByRole('dialog', { name: 'Enregistrer une décision de commission' });
    await commission.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await expect(commission.getByText('Décision de la commission : ce champ est obligatoire.')).toBeVisible();
    await snap(page, testInfo, '03-commission-required');
    await expectAccessible(page, testInfo, 'commission-dialog-errors');
    await commission.getByLabel('Décision de la commission').fill('Attribution en rang 1 pour le T2 proposé');
    await commission.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await expect(commission).toBeHidden();
    await expect(entries.filter({ hasText: PARTNER_EVENT_TYPE_LABELS.COMMISSION_DECISION })).toContainText(
      'Attribution en rang 1',
    );

    // The signed lease closes the demand as housed.
    await page.getByRole('link', { name: 'Enregistrer le bail signé' }).click();
    await expect(page).toHaveURL(new RegExp(`/dossiers/${file.id}/suivi/bail-signe$`));
    const lease = page.getByRole('dialog', { name: 'Enregistrer le bail signé' });
    await expect(lease).toContainText('Le bail signé clôt la demande');
    await expect(lease.locator(':focus')).toHaveCount(1);
    await lease.getByLabel('Logement attribué').fill('T2, 4 rue des Pyrénées, Mourenx');
    await snap(page, testInfo, '04-lease');
    await expectAccessible(page, testInfo, 'lease-dialog');
    await lease.getByRole('button', { name: 'Enregistrer le bail signé' }).click();
    await expect(lease).toBeHidden();

    await expect(status).toHaveText(FILE_STATUS_LABELS.CLOSED);
    await expect(page.locator('header.file-head')).toContainText(CLOSURE_REASON_LABELS.HOUSED);
    await expect(entries.filter({ hasText: PARTNER_EVENT_TYPE_LABELS.LEASE_SIGNED })).toBeVisible();
    await expect(page.getByText('La demande est radiée : plus aucun événement')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Enregistrer le bail signé' })).toHaveCount(0);
    await snap(page, testInfo, '05-housed');
    await expectAccessible(page, testInfo, 'housed-file');
  });
});

test.describe('landlord and sensitive documents', () => {
  test('Office 64 sees the protection order an info point uploaded as « Pièce confidentielle », in the documents and the history', async ({
    page,
    request,
  }, testInfo) => {
    const lastName = uniqueName('Confidentiel');
    const file = await registeredFile(request, lastName, 'Maite');
    const agent = await apiToken(request, 'mourenx.agent');
    await uploadDocument(request, agent, file.id, {
      type: 'PROTECTION_ORDER',
      fileName: 'ordonnance-jaf.pdf',
    });

    await signIn(page, 'office64.bailleur', DEMO_PASSWORD);
    await page.goto(`/dossiers/${file.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(new RegExp(lastName, 'i'));
    for (const title of ['Pièces justificatives', 'Historique']) {
      const header = page.getByRole('button', { name: title, exact: true });
      await header.focus();
      await page.keyboard.press('Enter');
      await expect(header).toHaveAttribute('aria-expanded', 'true');
    }
    const held = page.locator('ul.documents article');
    await expect(held.getByRole('heading', { level: 4 })).toHaveText(
      `${CONFIDENTIAL_DOCUMENT_LABEL} — Ménage`,
    );
    await expect(held).toContainText('Pièce sensible : son téléchargement vous est réservé');
    await expect(held.getByRole('button', { name: /Télécharger/ })).toHaveCount(0);
    const history = page.locator('ol.timeline > li').filter({ hasText: 'Pièce justificative déposée' });
    await expect(history).toContainText(CONFIDENTIAL_DOCUMENT_LABEL);
    for (const secret of ['ordonnance-jaf', DOCUMENT_TYPE_LABELS.PROTECTION_ORDER]) {
      await expect(page.locator('main')).not.toContainText(secret);
    }
    await snap(page, testInfo, '06-confidential-document');
    await expectAccessible(page, testInfo, 'confidential-document');
  });
});

test.describe('file case work', () => {
  test('Mourenx sees the referrals and appointments of a file and books an appointment from it', async ({
    page,
    request,
  }, testInfo) => {
    const lastName = uniqueName('Dossier');
    const relayToken = await apiToken(request, 'lagor.relais');
    const file = await createFile(request, relayToken, {
      lastName,
      firstNames: 'Xabi',
      birthDate: '1991-02-03',
    });
    const mourenx = await organizationNamed(request, relayToken, 'Mourenx');
    await createReferral(request, relayToken, {
      applicantFileId: file.id,
      toOrganizationId: mourenx.id,
      reason: 'Cherche un logement adapté',
    });
    const day = nextWeekday();

    await signIn(page, 'mourenx.agent', DEMO_PASSWORD);
    await page.goto(`/dossiers/${file.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(new RegExp(lastName, 'i'));

    await page.getByRole('button', { name: 'Orientations', exact: true }).click();
    const referral = page.getByRole('row').filter({ hasText: 'Cherche un logement adapté' });
    await expect(referral).toContainText('Mairie de Lagor');
    await expect(referral).toContainText(REFERRAL_STATUS_LABELS.SENT);
    await expect(referral).toContainText(/Envoyée le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);

    await page.getByRole('button', { name: 'Rendez-vous', exact: true }).click();
    await expect(page.getByText('Aucun rendez-vous avec votre organisme.')).toBeVisible();
    await snap(page, testInfo, '01-sections');
    await expectAccessible(page, testInfo, 'file-sections');

    await page.getByRole('link', { name: 'Prendre rendez-vous', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/dossiers/${file.id}/rendez-vous/nouveau$`));
    const booking = page.getByRole('dialog', { name: /^Prendre rendez-vous avec/ });
    await expect(booking).toContainText(lastName.toUpperCase());
    await booking.getByLabel('Date', { exact: true }).fill(day);
    await booking.getByLabel('Heure').fill('06:00');
    await booking.getByRole('button', { name: 'Enregistrer le rendez-vous' }).click();
    await expect(booking.getByText('Choisissez une heure entre 7 h et 20 h.')).toBeVisible();
    await booking.getByLabel('Heure').fill('10:30');
    await snap(page, testInfo, '02-booking');
    await expectAccessible(page, testInfo, 'file-booking');
    await booking.getByRole('button', { name: 'Enregistrer le rendez-vous' }).click();
    await expect(booking).toBeHidden();
    const appointment = page.getByRole('listitem').filter({ hasText: 'à 10:30' });
    await expect(appointment).toContainText('À venir');
    await snap(page, testInfo, '03-booked');

    // « Orienter » from the file.
    await page.getByRole('link', { name: 'Orienter', exact: true }).click();
    const referring = page.getByRole('dialog', { name: /^Orienter/ });
    await choose(page, 'Organisme destinataire', "CCAS d'Orthez");
    await referring.getByLabel('Motif de l’orientation').fill('Accompagnement social demandé');
    await referring.getByRole('button', { name: 'Envoyer l’orientation' }).click();
    await expect(referring).toBeHidden();
    await expect(page.getByRole('row').filter({ hasText: 'Accompagnement social demandé' })).toContainText(
      "CCAS d'Orthez",
    );
    await snap(page, testInfo, '04-referred');
    await expectAccessible(page, testInfo, 'file-referred');
  });
});
