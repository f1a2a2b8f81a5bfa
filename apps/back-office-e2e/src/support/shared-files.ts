import { expect, type APIRequestContext } from '@playwright/test';
import {
  type ApplicantFileView,
  calendarDateInParis,
  type CreatedApplicantFile,
} from '@passerelle/shared/domain';
import { apiToken, communes, completeFile, createFile } from './files-api';

/**
 * A demand registered by the Mourenx info point: `REGISTERED` files are shared with the landlords
 * (ACCESS.md « shared »).
 */
export async function registeredFile(
  request: APIRequestContext,
  lastName: string,
  firstNames: string,
): Promise<CreatedApplicantFile> {
  const token = await apiToken(request, 'mourenx.agent');
  const headers = { Authorization: `Bearer ${token}` };
  const [commune] = await communes(request, token);
  const file = await createFile(request, token, completeFile(lastName, firstNames, commune.inseeCode));
  const read = await request.get(`/api/applicant-files/${file.id}`, { headers });
  expect(read.status()).toBe(200);
  const etag = read.headers()['etag'] ?? `"${((await read.json()) as ApplicantFileView).version}"`;
  const registration = await request.post(`/api/applicant-files/${file.id}/registration`, {
    headers: { ...headers, 'If-Match': etag },
    data: {
      sneNumber: `064${Date.now()}`.slice(0, 16),
      registeredOn: calendarDateInParis(new Date()),
    },
  });
  expect(registration.status(), 'registration through the API').toBe(200);
  return file;
}
