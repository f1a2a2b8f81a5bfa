import {
  type ApplicantFileContent,
  type FileIndexFields,
  type FileSort,
  type FileStatus,
  type Typology,
  looksLikeSneNumber,
  nameWords,
} from '@passerelle/shared/domain';
import { SqlParams, type SqlStatement } from '@api/platform/database/sql-params';
import { type FileScope, fileScopeSql } from '@api/app/access/file-scope';
import { readAuditCte } from '@api/app/audit/read-audit';
import type { FileOrganizationLink } from './file-organization.entity';

/**
 * The SQL of the file routes, built in one place so that reviewers read it (see the snapshot
 * test) and the benchmark's bare server runs exactly the same statements, writes included.
 */

export const FILE_DETAIL_COLUMNS = `f.id, f.version, f.status, f.sne_number, f.registered_on, f.last_renewed_on,
  f.renewal_due_on, f.seniority_date, f.closure_reason, f.closed_on, f.kept_file_id, f.content,
  f.priority_criteria, f.created_by_organization_id, f.information_notice_given_on, f.anonymised_at,
  f.created_at, f.updated_at`;

/** What a statement does besides reading: `logRead` writes the read's audit entries (readAuditCte). */
export interface ReadOptions {
  logRead?: boolean;
}

export function fileDetailQuery(id: string, scope: FileScope, options: ReadOptions = {}): SqlStatement {
  const params = new SqlParams();
  const select = `SELECT ${FILE_DETAIL_COLUMNS},
  ARRAY(SELECT m.id FROM applicant_file m WHERE m.kept_file_id = f.id ORDER BY m.id) AS merged_file_ids
FROM applicant_file f
WHERE f.id = ${params.add(id)} AND ${fileScopeSql(scope, params)}`;
  const text = options.logRead
    ? `WITH found AS (
${select}
), ${readAuditCte('audited', 'found', params)}
SELECT * FROM found`
    : select;
  return { text, values: params.values };
}

/** The same, locked until the end of the transaction: the version check then holds. */
export function fileLockQuery(id: string, scope: FileScope): SqlStatement {
  const { text, values } = fileDetailQuery(id, scope);
  return { text: `${text}\nFOR UPDATE OF f`, values };
}

/** What a write answers: the file as fileDetailQuery reads it. */
export const FILE_RETURNING = `RETURNING ${FILE_DETAIL_COLUMNS.replace(/f\./g, '')},
  ARRAY(SELECT m.id FROM applicant_file m WHERE m.kept_file_id = applicant_file.id ORDER BY m.id) AS merged_file_ids`;

export interface NewFile {
  content: ApplicantFileContent;
  index: FileIndexFields;
  organizationId: string;
  userId: string;
}

export function fileInsertStatement(file: NewFile): SqlStatement {
  const { index } = file;
  return {
    text: `INSERT INTO applicant_file (status, content, sort_name, birth_date, co_applicant_birth_date, insee_code,
         wished_typologies, wished_communes, name_words, name_search, created_by_organization_id, created_by_user_id)
       VALUES ('CONTACT', $1, $2, $3, $4, $5, $6, $7, $8, $9::tsvector, $10, $11)
       ${FILE_RETURNING}`,
    values: [
      file.content,
      index.sortName,
      index.birthDate,
      index.coApplicantBirthDate,
      index.inseeCode,
      index.wishedTypologies,
      index.wishedCommunes,
      index.nameWords,
      index.nameSearch,
      file.organizationId,
      file.userId,
    ],
  };
}

export function fileLinkStatement(
  fileId: string,
  organizationId: string,
  link: FileOrganizationLink,
): SqlStatement {
  return {
    text: `INSERT INTO file_organization (applicant_file_id, organization_id, link) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
    values: [fileId, organizationId, link],
  };
}

/** Replaces the content (and what derives from it) and bumps the version. */
export function fileContentUpdateStatement(
  id: string,
  content: ApplicantFileContent,
  index: FileIndexFields,
): SqlStatement {
  return {
    text: `UPDATE applicant_file SET content = $2, sort_name = $3, birth_date = $4, co_applicant_birth_date = $5,
         insee_code = $6, wished_typologies = $7, wished_communes = $8, name_words = $9, name_search = $10::tsvector,
         version = version + 1, updated_at = now()
       WHERE id = $1
       ${FILE_RETURNING}`,
    values: [
      id,
      content,
      index.sortName,
      index.birthDate,
      index.coApplicantBirthDate,
      index.inseeCode,
      index.wishedTypologies,
      index.wishedCommunes,
      index.nameWords,
      index.nameSearch,
    ],
  };
}

/** Which of `inseeCodes` are current communes of the territory. */
export function knownCommunesQuery(inseeCodes: string[]): SqlStatement {
  return {
    text: 'SELECT insee_code FROM commune WHERE insee_code = ANY($1::varchar[]) AND current',
    values: [inseeCodes],
  };
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

/**
 * Up to this many matches, the page is sorted from the matches alone (narrow rows); past it, the
 * page is read by walking the sort order, and the total is counted apart (API.md: `total` is exact).
 */
export const MATCHES_SORTED_MAX = 3000;

/** The prefix lengths `applicant_file_name_prefix` holds (migration NamePrefixes). */
const NAME_PREFIX_MIN = 3;
const NAME_PREFIX_MAX = 6;
/** Where the matching (id, sort key) pairs come from, and in which order they come cheaply. */
interface MatchSource {
  from: string;
  id: string;
  sortKey: string;
  where: string;
  orderBy: string;
}

/**
 * A name search sorted by name reads `applicant_file_name_prefix`, whose key gives the files of a
 * prefix in name order: each further word is one more range of that key, in the same order, so
 * PostgreSQL intersects them by merging (or by probing the key) without touching the files. Words
 * of 3 to 6 letters, scope « all », no other filter: the index alone answers. Otherwise the file
 * is joined, for the rows that survive, to check the rest (the full prefix query, the scope, the
 * filters).
 */
function namePrefixSource(
  filters: FileFilters,
  scope: FileScope,
  params: SqlParams,
  direction: string,
  nulls: string,
): MatchSource | null {
  const q = filters.q?.trim();
  if (!q || looksLikeSneNumber(q) || (filters.sort ?? 'name') !== 'name') return null;
  const words = nameWords(q).slice(0, MAX_SEARCH_WORDS);
  const keys = [
    ...new Set(words.filter((w) => w.length >= NAME_PREFIX_MIN).map((w) => w.slice(0, NAME_PREFIX_MAX))),
  ];
  if (keys.length === 0) return null;
  const otherFilters = [
    filters.status,
    filters.commune,
    filters.typology,
    filters.renewalDueBefore,
    filters.organization,
  ].some((value) => value !== undefined);
  const indexAlone =
    scope.scope === 'all' &&
    !otherFilters &&
    words.every((w) => w.length <= NAME_PREFIX_MAX && keys.includes(w));
  const [first, ...others] = keys.map((key) => params.add(key));
  const joins = others.map(
    (key, i) =>
      `\n  JOIN applicant_file_name_prefix p${i + 2} ON p${i + 2}.prefix = ${key} AND p${i + 2}.sort_name = p.sort_name AND p${i + 2}.applicant_file_id = p.applicant_file_id`,
  );
  const from = `applicant_file_name_prefix p${joins.join('')}${
    indexAlone ? '' : '\n  JOIN applicant_file f ON f.id = p.applicant_file_id'
  }`;
  return {
    from,
    id: 'p.applicant_file_id',
    sortKey: 'p.sort_name',
    where: indexAlone
      ? `p.prefix = ${first}`
      : `p.prefix = ${first}\n  AND ${whereClause(filters, scope, params)}`,
    orderBy: `p.sort_name ${direction} ${nulls}, p.applicant_file_id ${direction}`,
  };
}

/**
 * A page of file summaries and their total, in one statement:
 * - `matches` collects at most MATCHES_SORTED_MAX + 1 matching (id, sort key) pairs (from the name
 *   prefixes when searching by name, else from the file table and its indexes); when they are
 *   all there, their count is the total, else the total is counted apart, on the same source (an
 *   index range for a name prefix; an init plan, so it runs only then);
 * - when they are all there (a name, a rare prefix: nearly every search), the page is sorted from
 *   them alone, narrow rows;
 * - when there are more (a broad prefix, a list without `q`), the page walks the sort order and
 *   stops after the page: matches are then common enough to be met early;
 * - only then are the page's rows read (by primary key) and their summary columns computed.
 * Each branch is gated by a one-time filter on the count, so only one of them runs.
 * Every row carries the total; an empty page answers one row whose `id` is null. With `logRead`,
 * the same statement logs the read of each file of the page.
 */
export function fileSearchQuery(
  filters: FileFilters,
  scope: FileScope,
  page: { limit: number; offset: number },
  options: ReadOptions = {},
): SqlStatement {
  const sort = filters.sort ?? (filters.q?.trim() ? 'name' : 'updatedAt');
  const direction = (
    filters.order ?? (sort === 'name' || sort === 'renewalDueOn' ? 'asc' : 'desc')
  ).toUpperCase();
  const nulls = direction === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST';
  const column = SORT_COLUMNS[sort];

  const params = new SqlParams();
  // The same conditions (and parameters) in both places that read the matches.
  const source: MatchSource = namePrefixSource(filters, scope, params, direction, nulls) ?? {
    from: 'applicant_file f',
    id: 'f.id',
    sortKey: column,
    where: whereClause(filters, scope, params),
    orderBy: `${column} ${direction} ${nulls}, f.id ${direction}`,
  };
  const cap = params.add(MATCHES_SORTED_MAX);
  const capPlusOne = params.add(MATCHES_SORTED_MAX + 1);
  const limit = params.add(page.limit);
  const offset = params.add(page.offset);
  const text = `WITH matches AS MATERIALIZED (
  SELECT ${source.id} AS id, ${source.sortKey} AS sort_key
  FROM ${source.from}
  WHERE ${source.where}
  LIMIT ${capPlusOne}
), seen AS (
  SELECT count(*)::int AS n FROM matches
), counted AS (
  SELECT CASE WHEN n <= ${cap} THEN n
    ELSE (SELECT count(*)::int FROM ${source.from} WHERE ${source.where}) END AS total
  FROM seen
), page AS (
  (SELECT m.id, m.sort_key
  FROM matches m
  WHERE (SELECT n FROM seen) <= ${cap}
  ORDER BY m.sort_key ${direction} ${nulls}, m.id ${direction}
  LIMIT ${limit} OFFSET ${offset})
  UNION ALL
  (SELECT ${source.id}, ${source.sortKey}
  FROM ${source.from}
  WHERE (SELECT n FROM seen) > ${cap}
  AND ${source.where}
  ORDER BY ${source.orderBy}
  LIMIT ${limit} OFFSET ${offset})
)${options.logRead ? `, ${readAuditCte('audited', 'page', params)}` : ''}
SELECT c.total, f.id, f.status, f.content->'applicant'->>'lastName' AS last_name,
  f.content->'applicant'->>'usageName' AS usage_name, f.content->'applicant'->>'firstNames' AS first_names,
  f.birth_date, f.insee_code, f.sne_number, f.renewal_due_on, f.wished_typologies, f.priority_criteria,
  f.anonymised_at IS NOT NULL AS anonymised, f.created_at, f.updated_at
FROM counted c
LEFT JOIN (page p JOIN applicant_file f ON f.id = p.id) ON TRUE
ORDER BY p.sort_key ${direction} ${nulls}, p.id ${direction}`;
  return { text, values: params.values };
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
