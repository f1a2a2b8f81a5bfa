import { APPOINTMENT_OUTCOME_LABELS } from '@passerelle/shared/domain';
import { DEMO_PASSWORD } from './support/accounts';
import { apiToken, createFile, lastWednesday, uniqueName } from './support/casework-api';
import { expect, test } from './support/fixtures';
import { expectAccessible, sideNavigation, signIn, snap } from './support/pages';

test.describe('agenda', () => {
  test('Mourenx sees its walk-in morning, books an appointment and records its outcome', async ({
    page,
    request,
  }, testInfo) => {
    const lastName = uniqueName('Agenda');
    await createFile(request, await apiToken(request, 'mourenx.agent'), {
      lastName,
      firstNames: 'Peio',
      birthDate: '1975-09-30',
    });
    const wednesday = lastWednesday();

    await signIn(page, 'mourenx.agent', DEMO_PASSWORD);
    await sideNavigation(page).getByRole('link', { name: 'Agenda' }).click();
    await expect(page).toHaveURL(/\/agenda$/);
    await expect(page.getByRole('heading', { level: 2, name: /^Semaine du lundi/ })).toBeVisible();
    await snap(page, testInfo, '01-this-week');
    await expectAccessible(page, testInfo, 'agenda');

    await page.goto(`/agenda?semaine=${wednesday}`);
    const day = page.getByRole('region', { name: /^mercredi/ });
    await expect(day).toContainText('Permanence sans rendez-vous de 08:00 à 12:00');
    await snap(page, testInfo, '02-walk-in-wednesday');

    // Booking is a dialog with its own URL.
    await page.getByRole('link', { name: 'Prendre un rendez-vous' }).click();
    await expect(page).toHaveURL(/\/agenda\/reserver\?/);
    const booking = page.getByRole('dialog', { name: 'Prendre un rendez-vous' });
    await expect(booking.getByLabel('Nom du demandeur')).toBeFocused();
    await booking.getByLabel('Nom du demandeur').fill(lastName);
    await booking.getByRole('button', { name: 'Rechercher' }).click();
    await booking.getByRole('radio', { name: new RegExp(lastName) }).check();
    await booking.getByLabel('Date', { exact: true }).fill(wednesday);
    await booking.getByLabel('Heure').fill('09:30');
    await snap(page, testInfo, '03-booking');
    await expectAccessible(page, testInfo, 'agenda-booking');
    await booking.getByRole('button', { name: 'Enregistrer le rendez-vous' }).click();
    await expect(booking).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`/agenda\\?semaine=${wednesday}$`));

    await expect(
      page.getByRole('status').filter({ hasText: `Rendez-vous pris pour Peio ${lastName}` }),
    ).toContainText('à 09:30');
    const appointment = day.getByRole('listitem').filter({ hasText: lastName });
    await expect(appointment).toContainText('09:30');
    await expect(appointment).toContainText('pendant la permanence');
    await snap(page, testInfo, '04-booked');

    await appointment
      .getByRole('button', { name: new RegExp(`^${APPOINTMENT_OUTCOME_LABELS.HONOURED} :`) })
      .click();
    await expect(appointment).toContainText(APPOINTMENT_OUTCOME_LABELS.HONOURED);
    await expect(appointment.getByRole('button')).toHaveCount(0);
    await snap(page, testInfo, '05-honoured');
    await expectAccessible(page, testInfo, 'agenda-outcome');
  });
});
