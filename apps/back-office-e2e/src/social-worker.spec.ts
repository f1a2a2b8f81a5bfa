import type { Page } from '@playwright/test';
import {
  DOCUMENT_TYPE_LABELS,
  EVALUATION_KIND_LABELS,
  FRAGILITY_CRITERION_LABELS,
} from '@passerelle/shared/domain';
import { DEMO_PASSWORD } from './support/accounts';
import { choose } from './support/casework-forms';
import { samplePdf, suspectFlag, uploadDocument } from './support/casework-setup';
import { expect, test } from './support/fixtures';
import { apiToken, communes, completeFile, createFile, uniqueWord } from './support/files-api';
import { expectAccessible, signIn, snap } from './support/pages';

const SOCIAL_WORKER = 'orthez.ts';
const AGENT = 'mourenx.agent';
const CRITERION = FRAGILITY_CRITERION_LABELS.WITHOUT_HOUSING;
const IDENTITY = DOCUMENT_TYPE_LABELS.IDENTITY;
const HOSTING = DOCUMENT_TYPE_LABELS.HOSTING_CERTIFICATE;

/** The file made for this run by Mourenx, with a suspected flag and an identity document. */
interface Setup {
  fileId: string;
  flagId: string;
  lastName: string;
}

test.describe.configure({ mode: 'serial' });

async function openPanel(page: Page, title: string): Promise<void> {
  const header = page.getByRole('button', { name: title, exact: true });
  await header.focus();
  await page.keyboard.press('Enter');
  await expect(header).toHaveAttribute('aria-expanded', 'true');
}

test.describe('case work on the file page', () => {
  const setup: Setup = { fileId: '', flagId: '', lastName: uniqueWord('Suivie') };

  test.beforeAll(async ({ request }) => {
    const token = await apiToken(request, AGENT);
    const list = await communes(request, token);
    const mourenx = list.find((commune) => commune.name === 'Mourenx') ?? list[0];
    const file = await createFile(request, token, completeFile(setup.lastName, 'Inès', mourenx.inseeCode));
    setup.fileId = file.id;
    const flag = await suspectFlag(request, token, file.id, 'WITHOUT_HOUSING', 'Hébergée chez sa sœur.');
    setup.flagId = flag.id;
    await uploadDocument(request, token, file.id, {
      type: 'IDENTITY',
      personId: 'APPLICANT',
      fileName: 'identite.pdf',
    });
  });

  test('the social worker writes an evaluation, confirms a flag and verifies a document', async ({
    page,
  }, testInfo) => {
    await signIn(page, SOCIAL_WORKER, DEMO_PASSWORD);
    await page.goto(`/dossiers/${setup.fileId}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(setup.lastName.toUpperCase());

    // « Évaluations »: empty at first, it says what to do.
    await openPanel(page, 'Évaluations');
    await expect(page.getByText("Aucune évaluation pour l'instant.")).toBeVisible();
    await snap(page, testInfo, '01-evaluations-empty');
    await expectAccessible(page, testInfo, 'evaluations-empty');

    await page.getByRole('link', { name: 'Écrire une évaluation du projet logement' }).click();
    await expect(page).toHaveURL(new RegExp(`/dossiers/${setup.fileId}/evaluations/projet-logement$`));
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: EVALUATION_KIND_LABELS.HOUSING_PROJECT })).toBeVisible();
    await dialog.getByRole('button', { name: "Enregistrer l'évaluation" }).click();
    await expect(dialog.getByText("Notes de l'entretien : ce champ est obligatoire.")).toBeVisible();
    await snap(page, testInfo, '02-evaluation-errors');
    await expectAccessible(page, testInfo, 'evaluation-errors');

    await dialog
      .getByLabel("Notes de l'entretien")
      .fill('Reçue ce jour avec sa fille ; hébergée par sa sœur.');
    await choose(page, 'Typologies recommandées', 'T3', true);
    await dialog.getByLabel('Conclusion').fill('Un T3 à Mourenx, près de l’école.');
    await snap(page, testInfo, '03-evaluation-filled');
    await dialog.getByRole('button', { name: "Enregistrer l'évaluation" }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`/dossiers/${setup.fileId}$`));
    const evaluation = page.getByRole('article').filter({ hasText: 'Un T3 à Mourenx' });
    await expect(evaluation).toContainText(EVALUATION_KIND_LABELS.HOUSING_PROJECT);
    await expect(evaluation).toContainText('Typologies recommandées');

    // Its author applies the recommended wishes (a write of the file, with its ETag).
    await evaluation.getByRole('button', { name: 'Appliquer les souhaits recommandés au dossier' }).click();
    await expect(evaluation.getByRole('status')).toHaveText('Les souhaits du dossier ont été mis à jour.');
    await expect(evaluation).toContainText('Souhaits recommandés appliqués au dossier le');
    await expect(
      evaluation.getByRole('button', { name: 'Appliquer les souhaits recommandés au dossier' }),
    ).toHaveCount(0);
    await snap(page, testInfo, '04-evaluation-applied');
    await expectAccessible(page, testInfo, 'evaluation-applied');

    // « Fragilités »: confirm the suspected flag, with a note and a date.
    await openPanel(page, 'Fragilités');
    const flag = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: CRITERION }) });
    await expect(flag).toContainText('Suspectée');
    await expect(flag).toContainText('Hébergée chez sa sœur.');
    await snap(page, testInfo, '05-flag-suspected');
    await expectAccessible(page, testInfo, 'flag-suspected');
    await flag.getByRole('link', { name: `Confirmer : ${CRITERION}` }).click();
    await expect(page).toHaveURL(new RegExp(`/fragilites/${setup.flagId}/confirmer$`));
    await expect(dialog.getByRole('heading', { name: 'Confirmer une fragilité' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Confirmer' }).click();
    await expect(dialog.getByText('Note de décision : ce champ est obligatoire.')).toBeVisible();
    await dialog.getByLabel('Note de décision').fill('Attestation d’hébergement vue en entretien.');
    await snap(page, testInfo, '06-flag-decision');
    await expectAccessible(page, testInfo, 'flag-decision');
    await dialog.getByRole('button', { name: 'Confirmer' }).click();
    await expect(dialog).toBeHidden();
    await expect(flag).toContainText('Confirmée');
    await expect(flag).toContainText('Attestation d’hébergement vue en entretien.');
    await expect(flag.getByRole('link', { name: `Confirmer : ${CRITERION}` })).toHaveCount(0);
    // The confirmed criterion is the file's priority now.
    await expect(page.locator('mat-chip').filter({ hasText: CRITERION }).first()).toBeVisible();
    await snap(page, testInfo, '07-flag-confirmed');
    await expectAccessible(page, testInfo, 'flag-confirmed');

    // « Pièces justificatives »: verify the identity document Mourenx uploaded, then download it.
    await openPanel(page, 'Pièces justificatives');
    await expect(page.getByRole('heading', { name: 'Pièces demandées' })).toBeVisible();
    const document = page.getByRole('article').filter({ hasText: `${IDENTITY} — Demandeur` });
    await expect(document).toContainText('Fournie');
    await expect(document).toContainText('identite.pdf');
    await snap(page, testInfo, '08-documents');
    await expectAccessible(page, testInfo, 'documents');
    await document.getByRole('button', { name: `Vérifier : ${IDENTITY} — Demandeur` }).click();
    await expect(document.getByRole('status')).toHaveText('Pièce vérifiée.');
    await expect(document).toContainText('Vérifiée');
    await expect(document).toContainText('contrôlée par');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      document.getByRole('button', { name: 'Télécharger identite.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('identite.pdf');
    await snap(page, testInfo, '09-document-verified');
    await expectAccessible(page, testInfo, 'document-verified');
  });

  test('an agent uploads a document from the checklist; a decision URL is refused to her', async ({
    page,
  }, testInfo) => {
    await signIn(page, AGENT, DEMO_PASSWORD);
    await page.goto(`/dossiers/${setup.fileId}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(setup.lastName.toUpperCase());

    await openPanel(page, 'Pièces justificatives');
    await expect(page.getByRole('heading', { name: 'Pièces demandées' })).toBeVisible();
    const line = page
      .getByRole('region', { name: 'Pièces demandées' })
      .getByRole('listitem')
      .filter({ hasText: HOSTING });
    await expect(line).toContainText('Peut être demandée');
    await snap(page, testInfo, '10-agent-checklist');
    await expectAccessible(page, testInfo, 'agent-checklist');

    await line.getByRole('link', { name: `Ajouter : ${HOSTING}` }).click();
    await expect(page).toHaveURL(/\/pieces\/ajout\?type=HOSTING_CERTIFICATE$/);
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('combobox', { name: 'Type de pièce' })).toContainText(HOSTING);

    // A file of another kind is refused before sending, in French.
    const input = dialog.locator('input[type="file"]');
    await expect(dialog.getByRole('button', { name: 'Choisir un fichier' })).toBeVisible();
    await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('bonjour') });
    await expect(dialog.getByText('Seuls les fichiers PDF, JPEG et PNG sont acceptés.')).toBeVisible();
    await snap(page, testInfo, '11-upload-refused');
    await expectAccessible(page, testInfo, 'upload-refused');

    await input.setInputFiles({ name: 'hebergement.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
    await expect(dialog.getByText('Seuls les fichiers PDF, JPEG et PNG sont acceptés.')).toBeHidden();
    await dialog.getByRole('button', { name: 'Déposer la pièce' }).click();
    await expect(dialog).toBeHidden();
    const document = page.getByRole('article').filter({ hasText: 'hebergement.pdf' });
    await expect(document).toContainText(HOSTING);
    await expect(document).toContainText('Fournie');
    await expect(line).not.toContainText('Peut être demandée');
    await expect(line.getByRole('link', { name: `Ajouter : ${HOSTING}` })).toHaveCount(0);
    await snap(page, testInfo, '12-agent-uploaded');
    await expectAccessible(page, testInfo, 'agent-uploaded');

    // Only social workers decide on a flag: the typed URL leads back to the file.
    await page.goto(`/dossiers/${setup.fileId}/fragilites/${setup.flagId}/confirmer`);
    await expect(page).toHaveURL(new RegExp(`/dossiers/${setup.fileId}$`));
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await openPanel(page, 'Fragilités');
    await expect(page.getByRole('link', { name: 'Signaler une fragilité' })).toBeVisible();
    await expect(page.getByRole('link', { name: `Confirmer : ${CRITERION}` })).toHaveCount(0);
  });
});
