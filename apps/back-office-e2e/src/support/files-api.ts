import { expect, type APIRequestContext } from '@playwright/test';
import type {
  ApplicantFileContent,
  CommuneView,
  CreatedApplicantFile,
  LoginResponse,
} from '@passerelle/shared/domain';
import { DEMO_PASSWORD } from './accounts';

/** Test data made through the API, as a colleague would have made it in another office. */
export async function apiToken(request: APIRequestContext, username: string): Promise<string> {
  const response = await request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(response.status(), `API sign-in of ${username}`).toBe(200);
  return ((await response.json()) as LoginResponse).accessToken;
}

export async function createFile(
  request: APIRequestContext,
  token: string,
  content: ApplicantFileContent,
): Promise<CreatedApplicantFile> {
  const response = await request.post('/api/applicant-files', {
    data: content,
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status(), 'file creation through the API').toBe(201);
  return (await response.json()) as CreatedApplicantFile;
}

export async function communes(request: APIRequestContext, token: string): Promise<CommuneView[]> {
  const response = await request.get('/api/communes', { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status()).toBe(200);
  return (await response.json()) as CommuneView[];
}

/** A distinct name per run, so a test never finds the seed's people or an earlier test's. */
export function uniqueWord(prefix: string): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let n = Date.now() + Math.floor(Math.random() * 1000);
  let word = '';
  while (n > 0) {
    word += letters[n % 26];
    n = Math.floor(n / 26);
  }
  return `${prefix}${word}`;
}

/** Everything registration needs (the completeness rules), for a file the test will register. */
export function completeFile(lastName: string, firstNames: string, inseeCode: string): ApplicantFileContent {
  return {
    applicant: {
      civility: 'MRS',
      lastName,
      firstNames,
      birthDate: '1984-06-12',
      nationality: 'FRENCH',
      familySituation: 'SINGLE',
    },
    contact: {
      phone: '05 59 00 00 01',
      inseeCode,
      address: { line1: '3 rue des Pyrénées', postcode: '64150', city: 'Mourenx' },
    },
    currentHousing: { status: 'HOSTED_BY_FAMILY' },
    reasons: { codes: ['HOSTED'], main: 'HOSTED' },
    wishes: { typologies: ['T2'], communes: [inseeCode] },
  };
}
