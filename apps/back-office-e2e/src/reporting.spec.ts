import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import {
  addDays,
  addMonthsClamped,
  calendarDateInParis,
  type CreatedApplicantFile,
  FILE_STATUS_LABELS,
  type FilesReport,
  type RenewalReminderItem,
  type Page as ResultPage,
} from '@passerelle/shared/domain';
import { DEMO_PASSWORD } from './support/accounts';
import { choose } from './support/casework-forms';
import { apiToken, communes, completeFile, createFile, uniqueWord } from './support/files-api';
import { expect, test } from './support/fixtures';
import { expectAccessible, sideNavigation, signIn, snap } from './support/pages';

const COUNT = new Intl.NumberFormat('fr-FR');

async function filesReport(request: APIRequestContext, token: string, query = ''): Promise<FilesReport> {
  const response = await request.get(`/api/reporting/files${query}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as FilesReport;
}

test.describe('pilotage', () => {
  test('the coordinator reads the indicators, changes the period, downloads a table', async ({
    page,
    request,
  }, testInfo) => {
    const token = await apiToken(request, 'cclo.coordination');
    const report = await filesReport(request, token);
    const territory = report.territory?.atEndOfPeriod;
    expect(territory, 'the coordinator sees the territory').toBeDefined();

    await signIn(page, 'cclo.coordination', DEMO_PASSWORD);
    await sideNavigation(page).getByRole('link', { name: 'Pilotage' }).click();
    await expect(page).toHaveURL(/\/pilotage$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pilotage');
    await expect(page.getByText('les 12 derniers mois', { exact: false }).first()).toBeVisible();

    // The stock of files by status: the table says what the API says, in French numbers.
    const byStatus = page.locator('table#dossiers-statut');
    await expect(byStatus).toBeVisible();
    await expect(byStatus.getByRole('row', { name: /^Total/ })).toContainText(
      COUNT.format(territory?.total ?? -1),
    );
    const registered = territory?.byStatus.find((item) => item.status === 'REGISTERED');
    const registeredRow = byStatus.getByRole('row', {
      name: new RegExp(`^${FILE_STATUS_LABELS.REGISTERED}`),
    });
    await expect(registeredRow).toContainText(
      registered?.suppressed ? 'moins de 5 cas' : COUNT.format(registered?.count ?? -1),
    );
    await expect(page.getByRole('img', { name: /^Graphique en barres : Dossiers au/ })).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await snap(page, testInfo, '01-pilotage-12-mois');
    await expectAccessible(page, testInfo, 'pilotage');

    // Another period: the URL keeps it, a reload keeps it, the figures follow.
    const year = calendarDateInParis(new Date()).slice(0, 4);
    await choose(page, 'Période', 'Une année');
    await choose(page, 'Année', year);
    await page.getByRole('button', { name: 'Afficher' }).click();
    await expect(page).toHaveURL(new RegExp(`/pilotage\\?annee=${year}$`));
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Année' })).toContainText(year);
    const yearReport = await filesReport(request, token, `?year=${year}`);
    await expect(byStatus.getByRole('row', { name: /^Total/ })).toContainText(
      COUNT.format(yearReport.territory?.atEndOfPeriod.total ?? -1),
    );
    await expect(page.getByText(`l’année ${year}`)).toBeVisible();
    await snap(page, testInfo, '02-pilotage-annee');
    await expectAccessible(page, testInfo, 'pilotage-annee');

    // The CSV of that table, for French Excel.
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^CSV : télécharger « Dossiers au .*, par statut »$/ }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toMatch(
      /^pilotage-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}-dossiers-statut\.csv$/,
    );
    const csv = readFileSync(await csvDownload.path(), 'utf8');
    expect(csv.charCodeAt(0), 'UTF-8 byte-order mark').toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    // Text with a comma is quoted: a spreadsheet set to split on commas keeps it one cell.
    expect(lines[0]).toMatch(new RegExp(`^"Passerelle, pilotage du 1er janvier ${year} au `));
    expect(lines).toContainEqual(expect.stringMatching(/^"Dossiers au \d{2}\/\d{2}\/\d{4}, par statut"$/));
    expect(lines).toContain('Statut;Dossiers');
    expect(lines).toContain(`Total;${yearReport.territory?.atEndOfPeriod.total ?? -1}`);

    const [xlsxDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tous les tableaux en Excel' }).click(),
    ]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(
      readFileSync(await xlsxDownload.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  test('the yearly report is laid out for printing', async ({ page }, testInfo) => {
    const year = calendarDateInParis(new Date()).slice(0, 4);
    await signIn(page, 'cclo.coordination', DEMO_PASSWORD);
    await page.goto('/pilotage');
    await page.getByRole('link', { name: `Rapport annuel ${year} à imprimer` }).click();
    await expect(page).toHaveURL(new RegExp(`/pilotage/rapport\\?annee=${year}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`Rapport annuel ${year}`);
    await expect(
      page
        .getByRole('main')
        .getByText(/Communauté de communes de Lacq-Orthez \(CCLO\) — réunion des partenaires/),
    ).toBeVisible();
    await expect(page.locator('table#dossiers-statut')).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await snap(page, testInfo, '03-rapport-annuel');
    await expectAccessible(page, testInfo, 'rapport-annuel');

    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.getByRole('button', { name: 'Imprimer' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    await page.emulateMedia({ media: 'print' });
    await expect(sideNavigation(page)).toBeHidden();
    await expect(page.getByRole('button', { name: 'Imprimer' })).toBeHidden();
    await expect(page.locator('table#dossiers-statut')).toBeVisible();
    await snap(page, testInfo, '04-rapport-annuel-impression');
  });

  test('renewal reminders: the agent sees who to remind, the text, and marks the reminder', async ({
    page,
    request,
  }, testInfo) => {
    // A demand registered eleven months and three weeks ago falls due within the month.
    const token = await apiToken(request, 'mourenx.agent');
    const lastName = uniqueWord('Relance');
    const mourenx = (await communes(request, token)).find((commune) => commune.name === 'Mourenx');
    const created: CreatedApplicantFile = await createFile(
      request,
      token,
      completeFile(lastName, 'Maite', mourenx?.inseeCode ?? '64410'),
    );
    const today = calendarDateInParis(new Date());
    const registeredOn = addDays(addMonthsClamped(today, -12), 20);
    const registration = await request.post(`/api/applicant-files/${created.id}/registration`, {
      data: { sneNumber: `064${Date.now()}`.slice(0, 16), registeredOn },
      headers: { Authorization: `Bearer ${token}`, 'If-Match': `"${created.version}"` },
    });
    expect(registration.status(), await registration.text()).toBe(200);

    await signIn(page, 'mourenx.agent', DEMO_PASSWORD);
    await sideNavigation(page).getByRole('link', { name: 'Relances de renouvellement' }).click();
    await expect(page).toHaveURL(/\/pilotage\/relances$/);

    // The list is soonest first: find the page where our applicant is.
    const listed = await request.get('/api/reporting/renewal-reminders?page=1&pageSize=100', {
      headers: { Authorization: `Bearer ${token}` },
    });
    const items = ((await listed.json()) as ResultPage<RenewalReminderItem>).items;
    const position = items.findIndex((item) => item.applicantFileId === created.id);
    expect(position, 'the new demand is to remind').toBeGreaterThanOrEqual(0);
    for (let page_ = 1; page_ <= Math.floor(position / 20); page_ += 1) {
      await page.getByRole('button', { name: 'Page suivante' }).click();
    }
    const card = page.getByRole('article', { name: new RegExp(lastName) });
    await expect(card).toBeVisible();
    await card.getByText('Texte de la relance').click();
    await expect(card).toContainText('Votre demande de logement social');
    await expect(card).toContainText('arrive à échéance le');
    await snap(page, testInfo, '05-relances');
    await expectAccessible(page, testInfo, 'relances');

    await card.getByRole('button', { name: /^Marquer comme relancé/ }).click();
    await expect(page.getByRole('status')).toContainText(`${lastName} Maite est noté(e) comme relancé(e)`);
    await expect(page.getByRole('article', { name: new RegExp(lastName) })).toHaveCount(0);
    await snap(page, testInfo, '06-relance-notee');
  });

  test('the coordinator sees the reminders without recording them', async ({ page }, testInfo) => {
    await signIn(page, 'cclo.coordination', DEMO_PASSWORD);
    await page.goto('/pilotage/relances');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Relances de renouvellement');
    await expect(page.getByText('La relance est notée par le service qui suit le demandeur.')).toBeVisible();
    await expect(page.getByRole('button', { name: /^Marquer comme relancé/ })).toHaveCount(0);
    await snap(page, testInfo, '07-relances-coordination');
    await expectAccessible(page, testInfo, 'relances-coordination');
  });
});
