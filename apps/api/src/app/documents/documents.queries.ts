import { SqlParams, type SqlStatement } from '@api/platform/database/sql-params';
import { type FileScope, fileScopeSql } from '@api/app/access/file-scope';

/**
 * The SQL of the document routes, in one place so that reviewers read it (see the snapshot test).
 * Every read joins the document's file and applies the caller's scope inside the query.
 */

export const DOCUMENT_COLUMNS = `d.id, d.applicant_file_id, d.type, d.person_id, d.status, d.status_reason, d.sensitive,
  d.valid_until, d.storage_key, d.file_name, d.media_type, d.size_bytes, d.sha256, d.uploaded_at,
  d.uploaded_by_user_id, d.uploaded_by_organization_id, uo.name AS uploaded_by_organization_name,
  d.checked_at, d.checked_by_user_id, cu.display_name AS checked_by_display_name`;

/** The names a document view shows, for rows aliased `d`. */
export const DOCUMENT_JOINS = `JOIN organization uo ON uo.id = d.uploaded_by_organization_id
LEFT JOIN app_user cu ON cu.id = d.checked_by_user_id`;

/**
 * A page of a file's documents, newest first, and the total. The count answers no row when the
 * file is missing or out of scope (then 404), so that an empty list always means « no document ».
 */
export function documentPageQueries(
  fileId: string,
  scope: FileScope,
  page: { limit: number; offset: number },
): { page: SqlStatement; count: SqlStatement } {
  const pageParams = new SqlParams();
  const pageText = `SELECT ${DOCUMENT_COLUMNS}
FROM supporting_document d
JOIN applicant_file f ON f.id = d.applicant_file_id
${DOCUMENT_JOINS}
WHERE d.applicant_file_id = ${pageParams.add(fileId)} AND ${fileScopeSql(scope, pageParams)}
ORDER BY d.uploaded_at DESC, d.id DESC
LIMIT ${pageParams.add(page.limit)} OFFSET ${pageParams.add(page.offset)}`;
  const countParams = new SqlParams();
  const countText = `SELECT (SELECT count(*)::int FROM supporting_document d WHERE d.applicant_file_id = f.id) AS total
FROM applicant_file f
WHERE f.id = ${countParams.add(fileId)} AND ${fileScopeSql(scope, countParams)}`;
  return {
    page: { text: pageText, values: pageParams.values },
    count: { text: countText, values: countParams.values },
  };
}

/** One document whose file is in scope; `lock` holds it until the end of the transaction. */
export function documentInScopeQuery(id: string, scope: FileScope, lock = false): SqlStatement {
  const params = new SqlParams();
  const text = `SELECT ${DOCUMENT_COLUMNS}
FROM supporting_document d
JOIN applicant_file f ON f.id = d.applicant_file_id
${DOCUMENT_JOINS}
WHERE d.id = ${params.add(id)} AND ${fileScopeSql(scope, params)}${lock ? '\nFOR UPDATE OF d' : ''}`;
  return { text, values: params.values };
}

/**
 * The file an upload goes to, if in scope, with its content (to check whom the document concerns);
 * shared-locked so that its people do not change before the document is recorded.
 */
export function fileForUploadQuery(fileId: string, scope: FileScope): SqlStatement {
  const params = new SqlParams();
  const text = `SELECT f.id, f.content
FROM applicant_file f
WHERE f.id = ${params.add(fileId)} AND ${fileScopeSql(scope, params)}
FOR SHARE OF f`;
  return { text, values: params.values };
}

/** The file's content and what the checklist needs of its documents, in one statement. */
export function checklistQuery(fileId: string, scope: FileScope): SqlStatement {
  const params = new SqlParams();
  const text = `SELECT f.content,
  COALESCE((SELECT json_agg(json_build_object('id', d.id, 'type', d.type, 'personId', d.person_id,
                                              'status', d.status, 'validUntil', d.valid_until,
                                              'sensitive', d.sensitive,
                                              'uploadedByOrganizationId', d.uploaded_by_organization_id)
                            ORDER BY d.uploaded_at DESC, d.id DESC)
              FROM supporting_document d WHERE d.applicant_file_id = f.id), '[]'::json) AS documents
FROM applicant_file f
WHERE f.id = ${params.add(fileId)} AND ${fileScopeSql(scope, params)}`;
  return { text, values: params.values };
}
