import type { ApplicantFileView, DocumentRequirement, Principal } from '@passerelle/shared/domain';
import {
  checklistByStage,
  documentAbilities,
  documentTitle,
  fileProblem,
  mayDownload,
  megabytes,
  peopleOf,
  personLabel,
  reasonRequired,
} from './document-abilities';

const socialWorker: Principal = { role: 'SOCIAL_WORKER', capabilities: [] };
const agent: Principal = { role: 'INFO_POINT_AGENT', capabilities: [] };
const landlord: Principal = { role: 'LANDLORD_OFFICER', capabilities: [] };
const registeringLandlord: Principal = { role: 'LANDLORD_OFFICER', capabilities: ['registersDemands'] };
const relay: Principal = { role: 'RELAY_CLERK', capabilities: [] };

const uploadedBy = (organizationId: string) => ({ organizationId, organizationName: 'Org' });

describe('documentAbilities', () => {
  it('follows the permission table', () => {
    expect(documentAbilities(socialWorker)).toEqual({ read: true, upload: true, verify: true });
    expect(documentAbilities(agent)).toEqual({ read: true, upload: true, verify: true });
    expect(documentAbilities(landlord)).toEqual({ read: true, upload: true, verify: false });
    expect(documentAbilities(registeringLandlord).verify).toBe(true);
    expect(documentAbilities(relay)).toEqual({ read: false, upload: false, verify: false });
    expect(documentAbilities(null).read).toBe(false);
  });
});

describe('mayDownload', () => {
  it('lets anyone who downloads have what the API does not say is confidential to them', () => {
    expect(mayDownload(landlord, { confidential: false })).toBe(true);
    expect(mayDownload(socialWorker, { confidential: false })).toBe(true);
    expect(mayDownload(relay, { confidential: false })).toBe(false);
    expect(mayDownload(null, { confidential: false })).toBe(false);
  });

  it('never offers a confidential document (a sensitive one the user may not download)', () => {
    expect(mayDownload(agent, { confidential: true })).toBe(false);
    expect(mayDownload(landlord, { confidential: true })).toBe(false);
  });
});

describe('documentTitle', () => {
  it('names a document by its type, and a confidential one « Pièce confidentielle »', () => {
    const handling = {
      id: 'd1',
      applicantFileId: 'f1',
      status: 'PROVIDED' as const,
      sensitive: true,
      uploadedAt: '2026-03-11T10:00:00Z',
      uploadedBy: uploadedBy('other'),
    };
    expect(documentTitle({ ...handling, confidential: true })).toBe('Pièce confidentielle');
    expect(
      documentTitle({
        ...handling,
        confidential: false,
        type: 'MEDICAL_CERTIFICATE',
        fileName: 'certificat.pdf',
        mediaType: 'application/pdf',
        sizeBytes: 10,
        sha256: 'abc',
      }),
    ).toBe('Certificat médical');
  });
});

describe('fileProblem', () => {
  it('accepts a PDF, a JPEG or a PNG up to 10 MB', () => {
    expect(fileProblem({ size: 1000, type: 'application/pdf', name: 'avis.pdf' })).toBeNull();
    expect(fileProblem({ size: 1000, type: '', name: 'photo.JPG' })).toBeNull();
    expect(fileProblem({ size: 10 * 1024 * 1024, type: 'image/png', name: 'scan.png' })).toBeNull();
  });

  it('says in French what is wrong before sending', () => {
    expect(fileProblem({ size: 0, type: 'application/pdf', name: 'a.pdf' })).toBe('Ce fichier est vide.');
    expect(fileProblem({ size: 10 * 1024 * 1024 + 1, type: 'application/pdf', name: 'a.pdf' })).toBe(
      'Ce fichier dépasse la taille maximale de 10 Mo.',
    );
    expect(fileProblem({ size: 10, type: 'application/msword', name: 'a.doc' })).toBe(
      'Seuls les fichiers PDF, JPEG et PNG sont acceptés.',
    );
  });
});

describe('people and sizes', () => {
  const file = {
    id: 'f1',
    status: 'CONTACT',
    coApplicant: { lastName: 'Lacoste', firstNames: 'Jean', birthDate: '1980-01-01' },
    householdMembers: [
      { id: 'm1', kind: 'DEPENDANT', lastName: 'Lacoste', firstNames: 'Léa' },
      { kind: 'EXPECTED_CHILD' },
    ],
  } as unknown as ApplicantFileView;

  it('names whom a document concerns', () => {
    expect(personLabel(file, 'APPLICANT')).toBe('Demandeur');
    expect(personLabel(file, 'CO_APPLICANT')).toBe('Co-demandeur');
    expect(personLabel(file, 'm1')).toBe('LACOSTE Léa');
    expect(personLabel(file, 'gone')).toBe('Personne du ménage');
    expect(personLabel(file, null)).toBe('Ménage');
    expect(peopleOf(file).map((person) => person.id)).toEqual(['APPLICANT', 'CO_APPLICANT', 'm1']);
  });

  it('writes sizes the French way', () => {
    expect(megabytes(10 * 1024 * 1024)).toBe('10 Mo');
    expect(megabytes(2300)).toBe('2,2 ko');
    expect(megabytes(7)).toBe('7 octets');
  });

  it('asks a reason for unusable and out-of-scope documents only', () => {
    expect(reasonRequired('UNUSABLE')).toBe(true);
    expect(reasonRequired('OUT_OF_SCOPE')).toBe(true);
    expect(reasonRequired('OBSOLETE')).toBe(false);
    expect(reasonRequired('')).toBe(false);
  });
});

describe('checklistByStage', () => {
  const line = (key: string, stage: DocumentRequirement['stage']): DocumentRequirement => ({
    key,
    stage,
    types: ['IDENTITY'],
    label: key,
    mandatory: stage !== 'SITUATION',
    satisfied: false,
  });

  it('groups the lines in the order the file goes through, skipping empty stages', () => {
    const groups = checklistByStage([
      line('c', 'SITUATION'),
      line('a', 'REGISTRATION'),
      line('d', 'SITUATION'),
    ]);
    expect(groups.map((group) => [group.stage, group.lines.map((item) => item.key)])).toEqual([
      ['REGISTRATION', ['a']],
      ['SITUATION', ['c', 'd']],
    ]);
  });
});
