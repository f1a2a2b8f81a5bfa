import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type {
  ConfidentialDocumentView,
  CurrentUser,
  DocumentRequirement,
  ReadableDocumentView,
  SupportingDocumentView,
} from '@passerelle/shared/domain';
import {
  actionLabels,
  aFile,
  API_ENGLISH,
  answerReload,
  click,
  configureCasework,
  holdFile,
  refuse,
  settle,
  signIn,
  text,
} from '../../../../testing/casework';
import { aUser } from '../../../../testing/users';
import { DocumentsSection } from './documents.section';

const LIST = '/api/applicant-files/f1/documents';
const CHECKLIST = '/api/applicant-files/f1/document-checklist';

function aDocument(overrides: Partial<ReadableDocumentView> = {}): ReadableDocumentView {
  return {
    id: 'd1',
    applicantFileId: 'f1',
    confidential: false,
    type: 'TAX_NOTICE',
    personId: 'APPLICANT',
    status: 'PROVIDED',
    sensitive: false,
    validUntil: '2026-12-31',
    fileName: 'avis-2025.pdf',
    mediaType: 'application/pdf',
    sizeBytes: 2300,
    sha256: 'abc',
    uploadedAt: '2026-03-11T23:30:00Z',
    uploadedBy: { organizationId: 'org-mourenx', organizationName: 'Point-info logement social de Mourenx' },
    ...overrides,
  };
}

const REQUIREMENTS: DocumentRequirement[] = [
  {
    key: 'IDENTITY:APPLICANT',
    stage: 'REGISTRATION',
    types: ['IDENTITY'],
    personId: 'APPLICANT',
    label: "Pièce d'identité du demandeur",
    mandatory: true,
    satisfied: false,
  },
  {
    key: 'TAX_NOTICE:APPLICANT',
    stage: 'INSTRUCTION',
    types: ['TAX_NOTICE'],
    label: "Avis d'imposition",
    mandatory: true,
    satisfied: true,
    documentId: 'd1',
  },
];

async function openSection(user: CurrentUser) {
  const http = configureCasework();
  await signIn(user);
  await holdFile(aFile());
  const fixture = TestBed.createComponent(DocumentsSection);
  await settle();
  return { http, host: fixture.nativeElement as HTMLElement };
}

async function expand(
  host: HTMLElement,
  http: HttpTestingController,
  documents: SupportingDocumentView[] | null,
  checklist: DocumentRequirement[] = REQUIREMENTS,
) {
  host.querySelector<HTMLElement>('mat-expansion-panel-header')?.click();
  await settle();
  const list = http.expectOne((request) => request.url === LIST);
  expect(list.request.params.toString()).toBe('page=1&pageSize=100');
  if (documents) list.flush({ items: documents, total: documents.length, page: 1, pageSize: 100 });
  else refuse(list, 500);
  http.expectOne(CHECKLIST).flush(checklist);
  await settle();
}

describe('DocumentsSection', () => {
  it('shows what is asked and what is held, in French', async () => {
    const { host, http } = await openSection(aUser('SOCIAL_WORKER'));
    await expand(host, http, [aDocument()]);
    const checklist = host.querySelector('section[aria-labelledby="checklist-title"]');
    expect([...(checklist?.querySelectorAll('h4') ?? [])].map(text)).toEqual([
      "Pour l'enregistrement",
      "Pour l'instruction",
    ]);
    expect([...(checklist?.querySelectorAll('li') ?? [])].map(text)).toEqual([
      "○ Pièce d'identité du demandeur À fournir Ajouter",
      "✓ Avis d'imposition Fournie",
    ]);
    const held = host.querySelector('ul.documents article');
    expect(text(held?.querySelector('h4'))).toBe("Avis d'imposition — Demandeur");
    expect(text(held)).toContain(
      "avis-2025.pdf (2,2 ko), déposée le 12/03/2026 par Point-info logement social de Mourenx · valable jusqu'au 31/12/2026",
    );
  });

  it.each<[string, CurrentUser, string[]]>([
    [
      'a social worker checks and downloads anything',
      aUser('SOCIAL_WORKER'),
      ['Ajouter une pièce', 'Télécharger', 'Vérifier', 'Refuser', 'Marquer comme sensible'],
    ],
    [
      'a landlord that registers no demand only adds and downloads',
      aUser('LANDLORD_OFFICER', {
        organization: { id: 'org-habitat', name: 'Habitat Sud', type: 'LANDLORD', registersDemands: false },
      }),
      ['Ajouter une pièce', 'Télécharger'],
    ],
  ])('offers what the permission table allows: %s', async (_case, user, offered) => {
    const { host, http } = await openSection(user);
    await expand(host, http, [aDocument()]);
    const article = host.querySelector('ul.documents article') as HTMLElement;
    const section = actionLabels(host.querySelector('.actions') as HTMLElement);
    expect([...section, ...actionLabels(article)]).toEqual(offered);
  });

  it('shows a confidential document as « Pièce confidentielle », without a download, and says why', async () => {
    const { host, http } = await openSection(aUser('INFO_POINT_AGENT'));
    const confidential: ConfidentialDocumentView = {
      id: 'd2',
      applicantFileId: 'f1',
      confidential: true,
      personId: 'APPLICANT',
      status: 'UNUSABLE',
      sensitive: true,
      uploadedAt: '2026-03-11T23:30:00Z',
      uploadedBy: { organizationId: 'org-sdsei', organizationName: 'SDSEI' },
    };
    await expand(
      host,
      http,
      [confidential],
      [
        {
          key: 'MEDICAL_CERTIFICATE',
          stage: 'SITUATION',
          types: ['MEDICAL_CERTIFICATE'],
          label: 'Certificat médical',
          mandatory: false,
          satisfied: true,
        },
      ],
    );
    const article = host.querySelector('ul.documents article') as HTMLElement;
    expect(text(article.querySelector('h4'))).toBe('Pièce confidentielle — Demandeur');
    expect(text(article)).toContain('Inexploitable · Pièce sensible');
    expect(text(article)).toContain('déposée le 12/03/2026 par SDSEI');
    expect(text(article)).not.toContain('undefined');
    // Nothing to download, nor to check: checking it would mean reading it.
    expect(actionLabels(article)).toEqual([]);
    expect(text(article)).toContain('Pièce sensible : son téléchargement vous est réservé');
    // The checklist line is answered, without saying by which document.
    expect(text(host.querySelector('section[aria-labelledby="checklist-title"] li'))).toBe(
      '✓ Certificat médical Fournie',
    );
  });

  it('is not offered to a relay clerk at all', async () => {
    const { host, http } = await openSection(aUser('RELAY_CLERK'));
    expect(host.querySelector('mat-expansion-panel')).toBeNull();
    http.expectNone((request) => request.url === LIST);
  });

  it('verifies a document, says so, and reloads the file and the list', async () => {
    const { host, http } = await openSection(aUser('SOCIAL_WORKER'));
    await expand(host, http, [aDocument()]);
    await click(host, 'Vérifier');
    const request = http.expectOne({ method: 'PATCH', url: '/api/documents/d1' });
    expect(request.request.body).toEqual({ status: 'VERIFIED' });
    request.flush(aDocument({ status: 'VERIFIED' }));
    await answerReload(aFile({ version: 4 }));
    http
      .expectOne((candidate) => candidate.url === LIST)
      .flush({ items: [aDocument({ status: 'VERIFIED' })], total: 1, page: 1, pageSize: 100 });
    http.expectOne(CHECKLIST).flush(REQUIREMENTS);
    await settle();
    expect(text(host.querySelector('[role="status"]'))).toBe('Pièce vérifiée.');
    expect(text(host.querySelector('.status'))).toBe('Vérifiée');
    expect(actionLabels(host)).not.toContain('Vérifier');
  });

  it('after a refused check, says why in French next to the document', async () => {
    const { host, http } = await openSection(aUser('SOCIAL_WORKER'));
    await expand(host, http, [aDocument()]);
    await click(host, 'Marquer comme sensible');
    const request = http.expectOne({ method: 'PATCH', url: '/api/documents/d1' });
    expect(request.request.body).toEqual({ sensitive: true });
    refuse(request, 403);
    await settle();
    const article = host.querySelector('ul.documents article');
    expect(text(article?.querySelector('[role="alert"]'))).toBe(
      "Vous n'avez pas le droit de vérifier les pièces de ce dossier.",
    );
    expect(text(host)).not.toContain(API_ENGLISH);
  });

  it('when the server no longer holds the key of a document, says to call the administrator', async () => {
    const { host, http } = await openSection(aUser('SOCIAL_WORKER'));
    await expand(host, http, [aDocument()]);
    await click(host, 'Télécharger');
    const request = http.expectOne({ method: 'GET', url: '/api/documents/d1/content' });
    request.flush(new Blob([JSON.stringify({ statusCode: 409, error: 'Conflict', message: API_ENGLISH })]), {
      status: 409,
      statusText: 'Conflict',
    });
    await settle();
    const article = host.querySelector('ul.documents article');
    expect(text(article?.querySelector('[role="alert"]'))).toBe(
      "Cette pièce ne peut pas être ouverte : la clé qui la chiffre n'est plus configurée sur le serveur. Prévenez l'administrateur de Passerelle.",
    );
    expect(text(host)).not.toContain(API_ENGLISH);
  });

  it.each([
    [
      410,
      'Gone',
      "Le contenu de cette pièce est introuvable dans le stockage. L'administrateur de Passerelle a été alerté ; il pourra la restaurer depuis une sauvegarde. Sinon, demandez la pièce à nouveau.",
    ],
    [
      503,
      'Service Unavailable',
      "Le stockage des pièces ne répond pas pour l'instant. Réessayez dans quelques instants.",
    ],
  ])(
    'when a download answers %i, says what happened and what to do, in French',
    async (status, statusText, message) => {
      const { host, http } = await openSection(aUser('SOCIAL_WORKER'));
      await expand(host, http, [aDocument()]);
      await click(host, 'Télécharger');
      const request = http.expectOne({ method: 'GET', url: '/api/documents/d1/content' });
      request.flush(
        new Blob([JSON.stringify({ statusCode: status, error: statusText, message: API_ENGLISH })]),
        {
          status,
          statusText,
        },
      );
      await settle();
      const article = host.querySelector('ul.documents article');
      expect(text(article?.querySelector('[role="alert"]'))).toBe(message);
      expect(text(host)).not.toContain(API_ENGLISH);
    },
  );

  it('says when the documents cannot be loaded, and says there are none when so', async () => {
    const { host, http } = await openSection(aUser('INFO_POINT_AGENT'));
    await expand(host, http, null);
    expect(text(host.querySelector('[role="alert"]'))).toContain(
      "Les pièces justificatives n'ont pas pu être chargées.",
    );
    await click(host, 'Réessayer');
    http.expectOne((request) => request.url === LIST).flush({ items: [], total: 0, page: 1, pageSize: 100 });
    http.expectOne(CHECKLIST).flush([]);
    await settle();
    expect(host.querySelector('[role="alert"]')).toBeNull();
    expect([...host.querySelectorAll('.empty')].map(text)).toEqual([
      "Aucune pièce n'est demandée pour l'instant : complétez le dossier pour voir la liste.",
      'Aucune pièce déposée. Utilisez « Ajouter une pièce » pour déposer un PDF ou une photo (JPEG, PNG).',
    ]);
  });
});
