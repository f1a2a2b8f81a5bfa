import type {
  ApplicantFileContent,
  ApplicantFileView,
  CreatedApplicantFile,
} from '@passerelle/shared/domain';
import type { TestApp } from './test-app';

let sequence = 0;

/** Only what creation requires: names and birth date. */
export function minimalFile(
  overrides: Partial<ApplicantFileContent['applicant']> = {},
): ApplicantFileContent {
  sequence++;
  return {
    applicant: {
      lastName: `Testeur${sequence}`,
      firstNames: 'Camille',
      birthDate: '1985-04-12',
      ...overrides,
    },
  };
}

/** Everything registration needs (DOMAIN.md §3), with a few overrides. */
export function registrableFile(overrides: Partial<ApplicantFileContent> = {}): ApplicantFileContent {
  const base = minimalFile();
  return {
    applicant: {
      ...base.applicant,
      civility: 'MRS',
      nationality: 'FRENCH',
      familySituation: 'SINGLE',
      professionalSituation: 'EMPLOYED_TEMPORARY',
    },
    contact: {
      phone: '05 59 60 00 00',
      address: { line1: '12 rue du Pont-Vieux', postcode: '64300', city: 'Orthez' },
      inseeCode: '64430',
    },
    currentHousing: { status: 'HOSTED_BY_FAMILY', occupants: 4 },
    reasons: { codes: ['HOSTED', 'TOO_SMALL'], main: 'HOSTED' },
    wishes: { typologies: ['T2'], communes: ['64430', '64410'] },
    ...overrides,
  };
}

let sneSequence = 0;
/** A fresh, valid SNE number. */
export function sneNumber(): string {
  sneSequence++;
  return `064${String(Date.now()).slice(-7)}${String(sneSequence).padStart(5, '0')}`;
}

/** Creates a file as `token`'s user and returns it. */
export async function createFile(
  t: TestApp,
  token: string,
  content: ApplicantFileContent,
): Promise<CreatedApplicantFile> {
  const response = await t.request<CreatedApplicantFile>('POST', '/api/applicant-files', {
    token,
    body: content,
  });
  if (response.status !== 201) throw new Error(`create: ${response.status} ${response.text}`);
  return response.body;
}

/** Creates and registers a file (as an agent of a registering organisation). */
export async function registeredFile(
  t: TestApp,
  token: string,
  registeredOn = '2026-03-02',
  content: ApplicantFileContent = registrableFile(),
): Promise<ApplicantFileView> {
  const file = await createFile(t, token, content);
  const response = await t.request<ApplicantFileView>(
    'POST',
    `/api/applicant-files/${file.id}/registration`,
    {
      token,
      body: { sneNumber: sneNumber(), registeredOn },
      headers: { 'if-match': `"${file.version}"` },
    },
  );
  if (response.status !== 200) throw new Error(`register: ${response.status} ${response.text}`);
  return response.body;
}
