import { expect, type APIRequestContext } from '@playwright/test';
import type {
  DocumentType,
  FragilityCriterion,
  FragilityFlagView,
  SupportingDocumentView,
} from '@passerelle/shared/domain';

/** The smallest document the API takes for a PDF: its magic number and its end marker. */
export function samplePdf(text = 'Passerelle'): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`, 'latin1');
}

/** A colleague suspected a criterion, through the API. */
export async function suspectFlag(
  request: APIRequestContext,
  token: string,
  fileId: string,
  criterion: FragilityCriterion,
  note?: string,
): Promise<FragilityFlagView> {
  const response = await request.post(`/api/applicant-files/${fileId}/fragility-flags`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { criterion, ...(note ? { note } : {}) },
  });
  expect(response.status(), 'flag suspected through the API').toBe(201);
  return (await response.json()) as FragilityFlagView;
}

/** A colleague uploaded a document, through the API (multipart, as the back office sends it). */
export async function uploadDocument(
  request: APIRequestContext,
  token: string,
  fileId: string,
  document: { type: DocumentType; fileName: string; personId?: string; bytes?: Buffer },
): Promise<SupportingDocumentView> {
  const response = await request.post(`/api/applicant-files/${fileId}/documents`, {
    headers: { Authorization: `Bearer ${token}` },
    multipart: {
      type: document.type,
      ...(document.personId ? { personId: document.personId } : {}),
      file: { name: document.fileName, mimeType: 'application/pdf', buffer: document.bytes ?? samplePdf() },
    },
  });
  expect(response.status(), 'document uploaded through the API').toBe(201);
  return (await response.json()) as SupportingDocumentView;
}
