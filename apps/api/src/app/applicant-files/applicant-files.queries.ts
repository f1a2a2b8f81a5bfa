import {
  type FileSort,
  type FileStatus,
  type Typology,
  looksLikeSneNumber,
  nameWords,
} from '@passerelle/shared/domain';
import { SqlParams, type SqlStatement } from '@api/platform/database/sql-params';
import { type FileScope, fileScopeSql } from '@api/app/access/file-scope';

/**
 * The SQL of the file routes, built in one place so that reviewers read it (see the snapshot
 * test) and the benchmark's bare server runs exactly the same statements.
 */

export const FILE_DETAIL_COLUMNS = `f.id, f.version, f.status, f.sne_number, f.registered_on, f.last_renewed_on,
  f.renewal_due_on, f.seniority_date, f.closure_reason, f.closed_on, f.kept_file_id, f.content,
  f.priority_criteria, f.created_by_organization_id, f.information_notice_given_on, f.anonymised_at,
  f.created_at, f.updated_at`;

export function fileDetailQuery(id: string, scope: FileScope): SqlStatement {
  const params = new SqlParams();
  const text = `SELECT ${FILE_DETAIL_COLUMNS},
  ARRAY(SELECT m.id FROM applicant_file m WHERE m.kept_file_id = f.id ORDER BY m.id) AS merged_file_ids
FROM applicant_file f
WHERE f.id = ${params.add(id)} AND ${fileScopeSql(scope, params)}`;
  return { text, values: params.values };
}

export interface FileFilters {
  q?: string;
  status?: FileStatus;
  commune?: string;
  typology?: Typology;
  renewalDueBefore?: string;
  organization?: string;
  sort?: FileSort;
  order?: 'asc' | 'desc';
}

const MAX_SEARCH_WORDS = 8;

const SORT_COLUMNS: Record<FileSort, string> = {
  updatedAt: 'f.updated_at',
  createdAt: 'f.created_at',
  name: 'f.sort_name',
  renewalDueOn: 'f.renewal_due_on',
  seniorityDate: 'f.seniority_date',
};

/** `dupre mena` → `dupre:* & mena:*`: every word must start a name word. */
export function prefixTsQuery(q: string): string | null {
  const words = nameWords(q).slice(0, MAX_SEARCH_WORDS);
  return words.length ? words.map((word) => `${word}:*`).join(' & ') : null;
}

function whereClause(filters: FileFilters, scope: FileScope, params: SqlParams): string {
  const conditions = [fileScopeSql(scope, params)];
  const q = filters.q?.trim();
  if (q) {
    if (looksLikeSneNumber(q)) {
      conditions.push(`f.sne_number LIKE ${params.add(`${q.replace(/\s+/g, '').toUpperCase()}%`)}`);
    } else {
      const tsquery = prefixTsQuery(q);
      if (tsquery) conditions.push(`f.name_search @@ to_tsquery('simple', ${params.add(tsquery)})`);
    }
  }
  if (filters.status) conditions.push(`f.status = ${params.add(filters.status)}`);
  if (filters.commune) conditions.push(`f.insee_code = ${params.add(filters.commune)}`);
  if (filters.typology)
    conditions.push(`f.wished_typologies @> ARRAY[${params.add(filters.typology)}]::varchar[]`);
  if (filters.renewalDueBefore)
    conditions.push(`f.renewal_due_on <= ${params.add(filters.renewalDueBefore)}`);
  if (filters.organization)
    conditions.push(`f.created_by_organization_id = ${params.add(filters.organization)}`);
  return conditions.join('\n  AND ');
}

/** A page of file summaries and, separately, their total (so the page can stop early on an index). */
export function fileSearchQueries(
  filters: FileFilters,
  scope: FileScope,
  page: { limit: number; offset: number },
): { page: SqlStatement; count: SqlStatement } {
  const sort = filters.sort ?? (filters.q?.trim() ? 'name' : 'updatedAt');
  const direction = (
    filters.order ?? (sort === 'name' || sort === 'renewalDueOn' ? 'asc' : 'desc')
  ).toUpperCase();
  const nulls = direction === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST';

  const pageParams = new SqlParams();
  const pageWhere = whereClause(filters, scope, pageParams);
  const pageText = `SELECT f.id, f.status, f.content->'applicant'->>'lastName' AS last_name,
  f.content->'applicant'->>'usageName' AS usage_name, f.content->'applicant'->>'firstNames' AS first_names,
  f.birth_date, f.insee_code, f.sne_number, f.renewal_due_on, f.wished_typologies, f.priority_criteria,
  f.anonymised_at IS NOT NULL AS anonymised, f.created_at, f.updated_at
FROM applicant_file f
WHERE ${pageWhere}
ORDER BY ${SORT_COLUMNS[sort]} ${direction} ${nulls}, f.id ${direction}
LIMIT ${pageParams.add(page.limit)} OFFSET ${pageParams.add(page.offset)}`;

  const countParams = new SqlParams();
  const countText = `SELECT count(*)::int AS total
FROM applicant_file f
WHERE ${whereClause(filters, scope, countParams)}`;

  return {
    page: { text: pageText, values: pageParams.values },
    count: { text: countText, values: countParams.values },
  };
}

/** Candidates for duplicates: same birth date (as applicant or co-applicant) or same SNE number. */
export function duplicateCandidatesQuery(
  probe: { birthDates: string[]; sneNumber: string | null; excludeId: string | null },
  scope: FileScope,
): SqlStatement {
  const params = new SqlParams();
  const dates = params.add(probe.birthDates);
  const match = [`f.birth_date = ANY(${dates}::date[])`, `f.co_applicant_birth_date = ANY(${dates}::date[])`];
  if (probe.sneNumber) match.push(`f.sne_number = ${params.add(probe.sneNumber)}`);
  const text = `SELECT f.id, f.status, f.sne_number, f.birth_date, f.co_applicant_birth_date,
  f.content->'applicant' AS applicant, f.content->'coApplicant' AS co_applicant
FROM applicant_file f
WHERE (${match.join(' OR ')})
  AND f.id IS DISTINCT FROM ${params.add(probe.excludeId)}::uuid
  AND ${fileScopeSql(scope, params)}
ORDER BY f.created_at
LIMIT 50`;
  return { text, values: params.values };
}
