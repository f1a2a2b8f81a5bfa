import { expect, type APIRequestContext } from '@playwright/test';
import {
  addDays,
  calendarDateInParis,
  type CalendarDate,
  type CreatedApplicantFile,
  type LoginResponse,
  type OrganizationView,
  type ReferralView,
} from '@passerelle/shared/domain';
import { DEMO_PASSWORD } from './accounts';

/** A name no other run or test uses: letters only, as people's names are. */
export function uniqueName(prefix: string): string {
  const letters = Date.now()
    .toString(26)
    .split('')
    .map((digit) => String.fromCharCode(97 + parseInt(digit, 26)))
    .join('');
  return `${prefix}${letters.slice(-6)}`;
}

export async function apiToken(request: APIRequestContext, username: string): Promise<string> {
  const response = await request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(response.status(), `API sign-in of ${username}`).toBe(200);
  return ((await response.json()) as LoginResponse).accessToken;
}

export async function createFile(
  request: APIRequestContext,
  token: string,
  applicant: { lastName: string; firstNames: string; birthDate: CalendarDate },
): Promise<CreatedApplicantFile> {
  const response = await request.post('/api/applicant-files', {
    headers: { Authorization: `Bearer ${token}` },
    data: { applicant },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as CreatedApplicantFile;
}

export async function organizationNamed(
  request: APIRequestContext,
  token: string,
  part: string,
): Promise<OrganizationView> {
  const response = await request.get('/api/organizations', { headers: { Authorization: `Bearer ${token}` } });
  const organizations = (await response.json()) as OrganizationView[];
  const found = organizations.find((organization) => organization.name.includes(part));
  if (!found) throw new Error(`No organisation named like ${part}`);
  return found;
}

export async function createReferral(
  request: APIRequestContext,
  token: string,
  body: { applicantFileId: string; toOrganizationId: string; reason: string },
): Promise<ReferralView> {
  const response = await request.post('/api/referrals', {
    headers: { Authorization: `Bearer ${token}` },
    data: body,
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as ReferralView;
}

/** The latest Wednesday strictly before today, in Paris: its walk-in morning is over. */
export function lastWednesday(now: Date = new Date()): CalendarDate {
  let day = addDays(calendarDateInParis(now), -1);
  while (new Date(`${day}T12:00:00Z`).getUTCDay() !== 3) day = addDays(day, -1);
  return day;
}
