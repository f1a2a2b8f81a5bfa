import type {
  ApplicantFileContent,
  ApplicantFileView,
  CalendarDate,
  ReportingIndicator,
  Typology,
} from '@passerelle/shared/domain';
import type { TestApp, TestResponse } from '@api/testing/test-app';
import { createFile, registrableFile, sneNumber } from '@api/testing/builders';
import { ReportingRefreshJob } from '../reporting-refresh.job';

/**
 * Known data for the reporting tests: files built over HTTP as the partners build them, then,
 * where the API has no route for a past state (a file created last year, a referral answered on a
 * given day), precise SQL on the test database.
 */

export interface Session {
  token: string;
  organizationId: string;
  organizationName: string;
}

export async function signIn(t: TestApp, usernames: readonly string[]): Promise<Record<string, Session>> {
  const sessions: Record<string, Session> = {};
  for (const username of usernames) {
    const login = await t.login(username);
    sessions[username] = {
      token: login.accessToken,
      organizationId: login.user.organization.id,
      organizationName: login.user.organization.name,
    };
  }
  return sessions;
}

export function sql<T = unknown>(t: TestApp, text: string, values: unknown[] = []): Promise<T[]> {
  return t.dataSource.query<T[]>(text, values);
}

/** Noon in Paris on a calendar day, as an instant. */
export const parisNoon = (day: CalendarDate): string => `${day}T10:00:00Z`;

export interface FilePlan {
  content?: ApplicantFileContent;
  /** The Paris day the file was created (set in SQL: the API stamps the database's own time). */
  createdOn: CalendarDate;
  registeredOn?: CalendarDate;
  closure?: { reason: 'WITHDRAWN' | 'NO_REPLY' | 'INELIGIBLE' | 'NOT_RENEWED'; closedOn: CalendarDate };
  /** LEASE_SIGNED by the (landlord) creator: closed as HOUSED that day. */
  leaseSignedOn?: CalendarDate;
  /** The seniority date, when it predates what the API accepts as a registration date. */
  seniorityDate?: CalendarDate;
}

async function lifecycle(
  t: TestApp,
  token: string,
  id: string,
  version: number,
  path: string,
  body: unknown,
): Promise<ApplicantFileView> {
  const response = await t.request<ApplicantFileView>('POST', `/api/applicant-files/${id}/${path}`, {
    token,
    body,
    headers: { 'if-match': `"${version}"` },
  });
  if (response.status !== 200 && response.status !== 201) {
    throw new Error(`${path}: ${response.status} ${response.text}`);
  }
  return response.body;
}

/** Builds a file through the API as `token`'s user, then dates its creation. Returns its id. */
export async function plannedFile(t: TestApp, token: string, plan: FilePlan): Promise<string> {
  const created = await createFile(t, token, plan.content ?? registrableFile());
  let version = created.version;
  if (plan.registeredOn) {
    await lifecycle(t, token, created.id, version, 'registration', {
      sneNumber: sneNumber(),
      registeredOn: plan.registeredOn,
    });
    version++;
  }
  if (plan.closure) {
    await lifecycle(t, token, created.id, version, 'closure', plan.closure);
    version++;
  }
  if (plan.leaseSignedOn) {
    const response = await t.request('POST', `/api/applicant-files/${created.id}/events`, {
      token,
      body: { type: 'LEASE_SIGNED', occurredOn: plan.leaseSignedOn },
      headers: { 'if-match': `"${version}"` },
    });
    if (response.status !== 201) throw new Error(`lease: ${response.status} ${response.text}`);
  }
  await sql(t, 'UPDATE applicant_file SET created_at = $2 WHERE id = $1', [
    created.id,
    parisNoon(plan.createdOn),
  ]);
  if (plan.seniorityDate) {
    await sql(t, 'UPDATE applicant_file SET seniority_date = $2 WHERE id = $1', [
      created.id,
      plan.seniorityDate,
    ]);
  }
  return created.id;
}

/** Rebuilds the reporting summary now (the job runs by itself outside tests). */
export function refreshSummary(t: TestApp): Promise<unknown> {
  return t.app.get(ReportingRefreshJob).run({ rebuild: true });
}

export function report<T>(
  t: TestApp,
  session: Session,
  indicator: ReportingIndicator,
  query = '',
): Promise<TestResponse<T>> {
  return t.request<T>('GET', `/api/reporting/${indicator}${query}`, { token: session.token });
}

/** A registrable file with these wishes. */
export function wishing(typologies: Typology[], communes: string[]): ApplicantFileContent {
  return registrableFile({ wishes: { typologies, communes } });
}
