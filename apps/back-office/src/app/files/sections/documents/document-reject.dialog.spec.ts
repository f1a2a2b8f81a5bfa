import type { SupportingDocumentView } from '@passerelle/shared/domain';
import {
  aFile,
  API_ENGLISH,
  answerReload,
  choose,
  click,
  closing,
  configureCasework,
  fieldMessages,
  holdFile,
  openDialog,
  refuse,
  settle,
  signIn,
  text,
  type,
} from '../../../../testing/casework';
import { aUser } from '../../../../testing/users';
import { DocumentRejectDialog } from './document-reject.dialog';

const DOCUMENT: SupportingDocumentView = {
  id: 'd1',
  applicantFileId: 'f1',
  confidential: false,
  type: 'PAYSLIPS',
  personId: 'APPLICANT',
  status: 'PROVIDED',
  sensitive: false,
  fileName: 'bulletins.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 120000,
  sha256: 'abc',
  uploadedAt: '2026-03-11T10:00:00Z',
  uploadedBy: { organizationId: 'org-mourenx', organizationName: 'Point-info' },
};

async function openRejection(documentId = 'd1', document: SupportingDocumentView = DOCUMENT) {
  const http = configureCasework();
  await signIn(aUser('INFO_POINT_AGENT'));
  await holdFile(aFile());
  const { ref, dialog } = await openDialog(DocumentRejectDialog, { documentId });
  http
    .expectOne((request) => request.url === '/api/applicant-files/f1/documents')
    .flush({ items: [document], total: 1, page: 1, pageSize: 100 });
  await settle();
  return { http, dialog, outcome: closing(ref) };
}

describe('DocumentRejectDialog', () => {
  it('names the document and keeps it in the file', async () => {
    const { dialog } = await openRejection();
    expect(text(dialog.querySelector('mat-dialog-content p'))).toBe(
      'Bulletins de salaire — Demandeur (bulletins.pdf), actuellement « Fournie ». La pièce reste dans le dossier.',
    );
  });

  it('names a confidential document « Pièce confidentielle », without what the API leaves out', async () => {
    const { dialog } = await openRejection('d1', {
      id: 'd1',
      applicantFileId: 'f1',
      confidential: true,
      personId: 'APPLICANT',
      status: 'PROVIDED',
      sensitive: true,
      uploadedAt: '2026-03-11T10:00:00Z',
      uploadedBy: { organizationId: 'org-sdsei', organizationName: 'SDSEI' },
    });
    // As the page reads it (text() would put a space between the name and its comma).
    expect(dialog.querySelector('mat-dialog-content p')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Pièce confidentielle — Demandeur, actuellement « Fournie ». La pièce reste dans le dossier.',
    );
  });

  it('says so when the document is not in the file, and offers no refusal', async () => {
    const { dialog } = await openRejection('unknown');
    expect(text(dialog.querySelector('[role="alert"]'))).toBe(
      "Cette pièce n'existe pas ou ne vous est pas accessible.",
    );
    expect(dialog.querySelector('button[type="submit"]')).toBeNull();
  });

  it('requires a reason for an unusable document, then sends the decision and closes', async () => {
    const { http, dialog, outcome } = await openRejection();
    await choose(dialog, 'Décision', 'Inexploitable');
    await click(dialog, 'Refuser la pièce');
    http.expectNone({ method: 'PATCH', url: '/api/documents/d1' });
    expect(fieldMessages(dialog, 'Motif')).toContain('Motif : ce champ est obligatoire.');

    await type(dialog, 'Motif', '  Illisible, page 2 manquante. ');
    await click(dialog, 'Refuser la pièce');
    const request = http.expectOne({ method: 'PATCH', url: '/api/documents/d1' });
    expect(request.request.body).toEqual({ status: 'UNUSABLE', reason: 'Illisible, page 2 manquante.' });
    request.flush({ ...DOCUMENT, status: 'UNUSABLE' });
    await answerReload(aFile({ version: 4 }));
    expect(outcome).toEqual({ closed: true, result: true });
  });

  it('sends an obsolete document without a reason', async () => {
    const { http, dialog } = await openRejection();
    await choose(dialog, 'Décision', 'Périmée');
    await click(dialog, 'Refuser la pièce');
    expect(http.expectOne({ method: 'PATCH', url: '/api/documents/d1' }).request.body).toEqual({
      status: 'OBSOLETE',
    });
  });

  it('after a 404, says in French the document is gone and stays open', async () => {
    const { http, dialog, outcome } = await openRejection();
    await choose(dialog, 'Décision', 'Périmée');
    await click(dialog, 'Refuser la pièce');
    refuse(http.expectOne({ method: 'PATCH', url: '/api/documents/d1' }), 404);
    await settle();
    expect(text(dialog.querySelector('bo-write-failure'))).toBe(
      "Cette pièce n'existe plus ou ne vous est pas accessible.",
    );
    expect(text(dialog)).not.toContain(API_ENGLISH);
    expect(outcome.closed).toBe(false);
  });
});
