import { fileIndexFields } from '@passerelle/shared/domain';
import type { SyntheticActor, SyntheticFile } from './synthetic-files';

/**
 * Writes generated files into the real tables: `applicant_file` with the columns derived from the
 * content by `fileIndexFields` (the same function the API uses), one `file_organization` row
 * (`CREATED`) per file, and the timeline events its history implies. This module builds rows and
 * runs batched multi-row INSERTs (the demo's few hundred files); `file-copy.ts` streams the same
 * rows through COPY for the big loads.
 */

/** Runs one statement and answers its rows: a `pg` client or a TypeORM manager, adapted. */
export type SqlRunner = (text: string, values?: unknown[]) => Promise<Record<string, unknown>[]>;

export function pgRunner(client: {
  query: (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
}): SqlRunner {
  return async (text, values) => (await client.query(text, values)).rows;
}

export function typeOrmRunner(manager: {
  query: (text: string, values?: unknown[]) => Promise<unknown>;
}): SqlRunner {
  return async (text, values) => (await manager.query(text, values)) as Record<string, unknown>[];
}

/** Ids of the organisations (by code) and users (by username) the generated files name. */
export interface LoaderReferences {
  organizationIds: ReadonlyMap<string, string>;
  userIds: ReadonlyMap<string, string>;
}

export async function loadReferences(run: SqlRunner): Promise<LoaderReferences> {
  const organizations = await run('SELECT id, code FROM organization');
  const users = await run('SELECT id, username FROM app_user');
  return {
    organizationIds: new Map(organizations.map((row) => [String(row['code']), String(row['id'])])),
    userIds: new Map(users.map((row) => [String(row['username']), String(row['id'])])),
  };
}

/** A column: its name and the cast its parameter needs in a multi-row INSERT. */
interface Column {
  name: string;
  cast: string;
}

const column = (name: string, cast: string): Column => ({ name, cast });

export const FILE_COLUMNS: readonly Column[] = [
  column('id', 'uuid'),
  column('version', 'int'),
  column('status', 'varchar'),
  column('sne_number', 'varchar'),
  column('registered_on', 'date'),
  column('last_renewed_on', 'date'),
  column('renewal_due_on', 'date'),
  column('seniority_date', 'date'),
  column('closure_reason', 'varchar'),
  column('closed_on', 'date'),
  column('kept_file_id', 'uuid'),
  column('content', 'jsonb'),
  column('sort_name', 'text'),
  column('birth_date', 'date'),
  column('co_applicant_birth_date', 'date'),
  column('insee_code', 'varchar'),
  column('wished_typologies', 'varchar[]'),
  column('wished_communes', 'varchar[]'),
  column('name_words', 'text[]'),
  column('name_search', 'tsvector'),
  column('created_by_organization_id', 'uuid'),
  column('created_by_user_id', 'uuid'),
  column('created_at', 'timestamptz'),
  column('updated_at', 'timestamptz'),
];

export const FILE_ORGANIZATION_COLUMNS: readonly Column[] = [
  column('applicant_file_id', 'uuid'),
  column('organization_id', 'uuid'),
  column('link', 'varchar'),
  column('created_at', 'timestamptz'),
];

export const TIMELINE_COLUMNS: readonly Column[] = [
  column('applicant_file_id', 'uuid'),
  column('occurred_at', 'timestamptz'),
  column('type', 'varchar'),
  column('actor_user_id', 'uuid'),
  column('actor_organization_id', 'uuid'),
  column('details', 'jsonb'),
  column('visibility', 'varchar'),
];

/**
 * A value as the database takes it: text, a number, null, a list of words (SQL arrays), or
 * `{ json }` for jsonb columns (kept apart so each writer serialises it its own way).
 */
export type RowValue = string | number | null | readonly string[] | { json: unknown };

/** Turns generated files into rows of the three tables, resolving codes and usernames to ids. */
export class FileRowEncoder {
  constructor(private readonly references: LoaderReferences) {}

  private organizationId(code: string): string {
    const id = this.references.organizationIds.get(code);
    if (!id) throw new Error(`Organisation ${code} is missing: seed the reference data first`);
    return id;
  }

  private userId(username: string): string {
    const id = this.references.userIds.get(username);
    if (!id) throw new Error(`User ${username} is missing: seed the demo accounts first (demo or test mode)`);
    return id;
  }

  private actorIds(actor: SyntheticActor | null): [string | null, string | null] {
    return actor ? [this.userId(actor.username), this.organizationId(actor.organizationCode)] : [null, null];
  }

  fileRow(file: SyntheticFile): RowValue[] {
    const index = fileIndexFields(file.content);
    return [
      file.id,
      file.version,
      file.status,
      file.sneNumber,
      file.registeredOn,
      file.lastRenewedOn,
      file.renewalDueOn,
      file.seniorityDate,
      file.closureReason,
      file.closedOn,
      file.keptFileId,
      { json: file.content },
      index.sortName,
      index.birthDate,
      index.coApplicantBirthDate,
      index.inseeCode,
      index.wishedTypologies,
      index.wishedCommunes,
      index.nameWords,
      index.nameSearch,
      this.organizationId(file.createdBy.organizationCode),
      this.userId(file.createdBy.username),
      file.createdAt,
      file.updatedAt,
    ];
  }

  organizationRow(file: SyntheticFile): RowValue[] {
    return [file.id, this.organizationId(file.createdBy.organizationCode), 'CREATED', file.createdAt];
  }

  eventRows(file: SyntheticFile): RowValue[][] {
    return file.events.map((event) => {
      const [userId, organizationId] = this.actorIds(event.actor);
      return [
        event.applicantFileId ?? file.id,
        event.occurredAt,
        event.type,
        userId,
        organizationId,
        event.details ? { json: event.details } : null,
        'ALL',
      ];
    });
  }
}

const parameter = (value: RowValue): unknown =>
  value !== null && typeof value === 'object' && 'json' in value ? JSON.stringify(value.json) : value;

/** One multi-row INSERT of `rows` into `table`. */
export function insertStatement(
  table: string,
  columns: readonly Column[],
  rows: readonly RowValue[][],
): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const placeholders = row.map((value, i) => {
      values.push(parameter(value));
      return `$${values.length}::${(columns[i] as Column).cast}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  return { text: `INSERT INTO "${table}" (${names}) VALUES ${tuples.join(',\n')}`, values };
}

/** Rows per statement: well under PostgreSQL's 65,535 parameters for the widest table. */
const BATCH = 400;

/** Inserts `files` with batched multi-row INSERTs, in order (a MERGED file's kept file comes first). */
export async function insertFiles(
  run: SqlRunner,
  files: readonly SyntheticFile[],
  references: LoaderReferences,
): Promise<{ files: number; events: number }> {
  const encoder = new FileRowEncoder(references);
  let events = 0;
  for (let start = 0; start < files.length; start += BATCH) {
    const batch = files.slice(start, start + BATCH);
    const fileRows = batch.map((file) => encoder.fileRow(file));
    const organizationRows = batch.map((file) => encoder.organizationRow(file));
    const eventRows = batch.flatMap((file) => encoder.eventRows(file));
    events += eventRows.length;
    for (const [table, columns, rows] of [
      ['applicant_file', FILE_COLUMNS, fileRows],
      ['file_organization', FILE_ORGANIZATION_COLUMNS, organizationRows],
    ] as const) {
      const statement = insertStatement(table, columns, rows);
      await run(statement.text, statement.values);
    }
    for (let i = 0; i < eventRows.length; i += BATCH) {
      const statement = insertStatement('timeline_event', TIMELINE_COLUMNS, eventRows.slice(i, i + BATCH));
      await run(statement.text, statement.values);
    }
  }
  return { files: files.length, events };
}
