import {
  ADULT_AGE_YEARS,
  BUSINESS_TIME_ZONE,
  type CalendarDate,
  SATISFYING_DOCUMENT_STATUSES,
} from '@passerelle/shared/domain';
import { sqlList } from '@api/platform/database/sql';
import { SqlParams, type SqlStatement } from '@api/platform/database/sql-params';
import { receptionCommitmentSql } from '@api/app/appointments/reception-commitment';

/**
 * The SQL that keeps the reporting summary (reporting-summary.entities.ts), in one place for
 * reviewers (see the snapshot test): files (facts, daily flows, monthly checkpoints), referrals,
 * reception requests (where `receptionCommitmentSql` puts them) and the daily document measure.
 *
 * A file counts, as of each Paris calendar day:
 * - CONTACT from its creation until registered (or closed);
 * - REGISTERED from `registered_on` until one month before `renewal_due_on`, then RENEWAL_DUE;
 * - CLOSED from `closed_on`.
 * No date counts before the file was created in Passerelle (a registration recorded with an earlier
 * date counts from the creation). Only the current due date is known: a demand renewed later reads
 * REGISTERED until then (the month before an earlier anniversary is not seen as RENEWAL_DUE).
 */

const ZONE = `'${BUSINESS_TIME_ZONE}'`;

/** What the summary keeps of a file (the columns of `reporting_file_fact`), from `applicant_file f`. */
const CONTRIBUTION = `SELECT c.id AS applicant_file_id, c.entry_organization_id, c.insee_code, c.wished_typologies, c.created_on,
         c.registered_from,
         CASE WHEN c.registered_from IS NOT NULL AND c.renewal_due_on IS NOT NULL
                   AND (c.closed_from IS NULL OR greatest((c.renewal_due_on - interval '1 month')::date, c.registered_from) < c.closed_from)
              THEN greatest((c.renewal_due_on - interval '1 month')::date, c.registered_from) END AS renewal_due_from,
         c.closed_from, c.status, c.closure_reason, c.closed_on, c.seniority_date, c.renewal_due_on, c.wished_communes
    FROM (
      SELECT b.*, CASE WHEN b.registered_on IS NOT NULL AND (b.closed_from IS NULL OR greatest(b.registered_on, b.created_on) < b.closed_from)
                       THEN greatest(b.registered_on, b.created_on) END AS registered_from
        FROM (
          SELECT f.id, f.created_by_organization_id AS entry_organization_id, COALESCE(f.insee_code, '') AS insee_code,
                 f.wished_typologies, (f.created_at AT TIME ZONE ${ZONE})::date AS created_on, f.registered_on,
                 f.renewal_due_on, f.status, f.closure_reason, f.closed_on, f.seniority_date, f.wished_communes,
                 CASE WHEN f.closed_on IS NOT NULL
                                        THEN greatest(f.closed_on, (f.created_at AT TIME ZONE ${ZONE})::date) END AS closed_from
            FROM applicant_file f
           WHERE %WHERE%) b) c`;

const FACT_COLUMNS = `applicant_file_id, entry_organization_id, insee_code, wished_typologies, created_on, registered_from,
  renewal_due_from, closed_from, status, closure_reason, closed_on, seniority_date, renewal_due_on, wished_communes`;

/** The day-by-day flows of contributions `source` (columns of the fact table), times `sign`. */
function flowEvents(source: string, sign: 1 | -1): string {
  const enter = String(sign);
  const leave = String(-sign);
  return `SELECT entry_organization_id, insee_code, wished_typologies, created_on AS day, 'CREATED' AS measure, ${enter} AS files FROM ${source}
      UNION ALL SELECT entry_organization_id, insee_code, wished_typologies, created_on, 'CONTACT', ${enter} FROM ${source}
      UNION ALL SELECT entry_organization_id, insee_code, wished_typologies, COALESCE(registered_from, closed_from), 'CONTACT', ${leave}
        FROM ${source} WHERE COALESCE(registered_from, closed_from) IS NOT NULL
      UNION ALL SELECT entry_organization_id, insee_code, wished_typologies, registered_from, 'REGISTERED', ${enter}
        FROM ${source} WHERE registered_from IS NOT NULL
      UNION ALL SELECT entry_organization_id, insee_code, wished_typologies, COALESCE(renewal_due_from, closed_from), 'REGISTERED', ${leave}
        FROM ${source} WHERE registered_from IS NOT NULL AND COALESCE(renewal_due_from, closed_from) IS NOT NULL
      UNION ALL SELECT entry_organization_id, insee_code, wished_typologies, renewal_due_from, 'RENEWAL_DUE', ${enter}
        FROM ${source} WHERE renewal_due_from IS NOT NULL
      UNION ALL SELECT entry_organization_id, insee_code, wished_typologies, closed_from, 'RENEWAL_DUE', ${leave}
        FROM ${source} WHERE renewal_due_from IS NOT NULL AND closed_from IS NOT NULL
      UNION ALL SELECT entry_organization_id, insee_code, wished_typologies, closed_from, 'CLOSED', ${enter}
        FROM ${source} WHERE closed_from IS NOT NULL`;
}

/** Events by file combination first (few typology sets), then by commune and by each typology. */
function flowsByDimension(events: string): string {
  return `e AS (
  SELECT entry_organization_id, insee_code, wished_typologies, day, measure, sum(files)::int AS files
    FROM (${events}) x
   GROUP BY 1, 2, 3, 4, 5),
flows AS (
  SELECT day, entry_organization_id, 'COMMUNE' AS dimension, insee_code AS key, measure, sum(files)::int AS files
    FROM e GROUP BY 1, 2, 4, 5
  UNION ALL
  SELECT e.day, e.entry_organization_id, 'TYPOLOGY', t.key, e.measure, sum(e.files)::int
    FROM e CROSS JOIN LATERAL unnest(e.wished_typologies) AS t(key) GROUP BY 1, 2, 4, 5)`;
}

// ── full rebuild ──────────────────────────────────────────────────────────────

/**
 * Rebuilds the file summary from every file (inside the job's transaction). DELETE, not TRUNCATE:
 * readers keep the previous summary until the rebuild commits, instead of waiting for it.
 */
export function rebuildFileSummaryStatements(today: CalendarDate): SqlStatement[] {
  const checkpoints = new SqlParams();
  return [
    { text: 'DELETE FROM reporting_file_checkpoint', values: [] },
    { text: 'DELETE FROM reporting_file_flow', values: [] },
    { text: 'DELETE FROM reporting_file_fact', values: [] },
    {
      // In order of creation: what a period reads sits together on disk.
      text: `INSERT INTO reporting_file_fact (${FACT_COLUMNS})
${CONTRIBUTION.replace('%WHERE%', 'TRUE')}
ORDER BY created_on`,
      values: [],
    },
    {
      text: `WITH ${flowsByDimension(flowEvents('reporting_file_fact', 1))}
INSERT INTO reporting_file_flow (day, entry_organization_id, dimension, key, measure, files)
SELECT day, entry_organization_id, dimension, key, measure, files FROM flows WHERE files <> 0
ORDER BY day, entry_organization_id, dimension, key, measure`,
      values: [],
    },
    {
      // Running totals at the start of every month from the first flow to this month.
      text: `WITH months AS (
  SELECT generate_series(date_trunc('month', min(day)) + interval '1 month',
                         date_trunc('month', ${checkpoints.add(today)}::date), interval '1 month')::date AS month
    FROM reporting_file_flow),
monthly AS (
  SELECT (date_trunc('month', day) + interval '1 month')::date AS month, entry_organization_id, dimension, key, measure,
         sum(files) AS files
    FROM reporting_file_flow GROUP BY 1, 2, 3, 4, 5),
series AS (SELECT DISTINCT entry_organization_id, dimension, key, measure FROM monthly),
running AS (
  SELECT m.month, s.entry_organization_id, s.dimension, s.key, s.measure,
         sum(COALESCE(mo.files, 0)) OVER (PARTITION BY s.entry_organization_id, s.dimension, s.key, s.measure
                                          ORDER BY m.month) AS files
    FROM months m CROSS JOIN series s
    LEFT JOIN monthly mo ON mo.month = m.month AND mo.entry_organization_id = s.entry_organization_id
     AND mo.dimension = s.dimension AND mo.key = s.key AND mo.measure = s.measure)
INSERT INTO reporting_file_checkpoint (month, entry_organization_id, dimension, key, measure, files)
SELECT month, entry_organization_id, dimension, key, measure, files FROM running WHERE files <> 0
ORDER BY month, entry_organization_id, dimension, key, measure`,
      values: checkpoints.values,
    },
  ];
}

// ── incremental refresh ───────────────────────────────────────────────────────

/**
 * Takes back what files changed since `since` contributed and adds what they contribute now:
 * flows, the checkpoints after each changed day, and the facts, in one statement. Files whose
 * contribution did not change produce nothing, so running it twice changes nothing.
 */
export function refreshFileSummaryStatement(since: Date): SqlStatement {
  const params = new SqlParams();
  const text = `WITH changed AS (
  SELECT f.id FROM applicant_file f WHERE f.updated_at > ${params.add(since)}),
fresh AS (
  ${CONTRIBUTION.replace('%WHERE%', 'f.id IN (SELECT id FROM changed)')}),
stale AS (
  SELECT ${FACT_COLUMNS} FROM reporting_file_fact WHERE applicant_file_id IN (SELECT id FROM changed)),
moved AS (
  SELECT applicant_file_id FROM (SELECT * FROM fresh EXCEPT SELECT * FROM stale) n
  UNION
  SELECT applicant_file_id FROM (SELECT * FROM stale EXCEPT SELECT * FROM fresh) o),
was AS (SELECT * FROM stale WHERE applicant_file_id IN (SELECT applicant_file_id FROM moved)),
is_now AS (SELECT * FROM fresh WHERE applicant_file_id IN (SELECT applicant_file_id FROM moved)),
${flowsByDimension(`${flowEvents('was', -1)}\n      UNION ALL ${flowEvents('is_now', 1)}`)},
delta AS (SELECT * FROM flows WHERE files <> 0),
bounds AS (SELECT min(month) AS first, max(month) AS last FROM reporting_file_checkpoint),
upsert_flows AS (
  INSERT INTO reporting_file_flow AS t (day, entry_organization_id, dimension, key, measure, files)
  SELECT day, entry_organization_id, dimension, key, measure, files FROM delta
  ON CONFLICT (day, entry_organization_id, dimension, key, measure) DO UPDATE SET files = t.files + EXCLUDED.files),
upsert_checkpoints AS (
  INSERT INTO reporting_file_checkpoint AS t (month, entry_organization_id, dimension, key, measure, files)
  SELECT m.month::date, d.entry_organization_id, d.dimension, d.key, d.measure, sum(d.files)::int
    FROM delta d CROSS JOIN bounds b
    CROSS JOIN LATERAL generate_series(greatest(date_trunc('month', d.day) + interval '1 month', b.first), b.last,
                                       interval '1 month') AS m(month)
   GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (month, entry_organization_id, dimension, key, measure) DO UPDATE SET files = t.files + EXCLUDED.files),
upsert_facts AS (
  INSERT INTO reporting_file_fact AS t (${FACT_COLUMNS})
  SELECT ${FACT_COLUMNS} FROM is_now
  ON CONFLICT (applicant_file_id) DO UPDATE SET entry_organization_id = EXCLUDED.entry_organization_id,
    insee_code = EXCLUDED.insee_code, wished_typologies = EXCLUDED.wished_typologies, created_on = EXCLUDED.created_on,
    registered_from = EXCLUDED.registered_from, renewal_due_from = EXCLUDED.renewal_due_from,
    closed_from = EXCLUDED.closed_from, status = EXCLUDED.status, closure_reason = EXCLUDED.closure_reason,
    closed_on = EXCLUDED.closed_on, seniority_date = EXCLUDED.seniority_date, renewal_due_on = EXCLUDED.renewal_due_on,
    wished_communes = EXCLUDED.wished_communes)
SELECT (SELECT count(*) FROM changed)::int AS changed, (SELECT count(*) FROM moved)::int AS moved,
       ARRAY(SELECT DISTINCT h.closed_on::text FROM (SELECT * FROM was UNION ALL SELECT * FROM is_now) h
              WHERE h.closure_reason = 'HOUSED' ORDER BY 1) AS housed_days`;
  return { text, values: params.values };
}

/**
 * Adds the checkpoints of the months begun since the last one (the running totals at the start of
 * this month), from the last checkpoint and the flows since; from the flows alone if there is none.
 */
export function extendCheckpointsStatement(today: CalendarDate): SqlStatement {
  const params = new SqlParams();
  const month = `date_trunc('month', ${params.add(today)}::date)::date`;
  const text = `WITH last AS (SELECT max(month) AS month FROM reporting_file_checkpoint),
months AS (
  SELECT m.month::date AS month
    FROM last CROSS JOIN LATERAL generate_series(COALESCE(last.month + interval '1 month', ${month}), ${month},
                                                 interval '1 month') AS m(month)
   WHERE EXISTS (SELECT 1 FROM reporting_file_flow WHERE day < ${month}))
INSERT INTO reporting_file_checkpoint (month, entry_organization_id, dimension, key, measure, files)
SELECT m.month, x.entry_organization_id, x.dimension, x.key, x.measure, sum(x.files)::int
  FROM months m CROSS JOIN last
  CROSS JOIN LATERAL (
    SELECT c.entry_organization_id, c.dimension, c.key, c.measure, c.files
      FROM reporting_file_checkpoint c WHERE c.month = last.month
    UNION ALL
    SELECT f.entry_organization_id, f.dimension, f.key, f.measure, f.files
      FROM reporting_file_flow f WHERE f.day >= COALESCE(last.month, '-infinity'::date) AND f.day < m.month) x
 GROUP BY 1, 2, 3, 4, 5
HAVING sum(x.files) <> 0`;
  return { text, values: params.values };
}

// ── waiting days ──────────────────────────────────────────────────────────────

/** The waiting days of the demands housed on the days `where` selects (facts `f`), by day and wish. */
function waitingDaysInsert(where: string): string {
  return `INSERT INTO reporting_waiting_days (closed_on, entry_organization_id, dimension, key, days)
SELECT f.closed_on, f.entry_organization_id, w.dimension, w.key, string_agg((f.closed_on - f.seniority_date)::text, ',' ORDER BY f.closed_on - f.seniority_date)
  FROM reporting_file_fact f
  CROSS JOIN LATERAL (SELECT 'ALL', ''
                      UNION SELECT 'TYPOLOGY', unnest(f.wished_typologies)
                      UNION SELECT 'COMMUNE', unnest(f.wished_communes)) AS w(dimension, key)
 WHERE f.closure_reason = 'HOUSED' AND f.seniority_date IS NOT NULL AND ${where}
 GROUP BY 1, 2, 3, 4
 ORDER BY 1, 2, 3, 4`;
}

/** Every housed demand's waiting days again, from the facts (after they are rebuilt). */
export function rebuildWaitingDaysStatements(): SqlStatement[] {
  return [
    { text: 'DELETE FROM reporting_waiting_days', values: [] },
    { text: waitingDaysInsert('TRUE'), values: [] },
  ];
}

/**
 * The days on which housed demands changed (`refreshFileSummaryStatement` answers them), again
 * from the refreshed facts: a few hundred files a day at a million, read through the closure index.
 */
export function refreshWaitingDaysStatements(days: readonly CalendarDate[]): SqlStatement[] {
  return [
    { text: 'DELETE FROM reporting_waiting_days WHERE closed_on = ANY($1::date[])', values: [days] },
    { text: waitingDaysInsert('f.closed_on = ANY($1::date[])'), values: [days] },
  ];
}

// ── referrals ─────────────────────────────────────────────────────────────────

const REFERRAL_FACT = `SELECT r.id AS referral_id, (r.created_at AT TIME ZONE ${ZONE})::date AS sent_on,
         r.from_organization_id, r.to_organization_id, r.status,
         (r.responded_at AT TIME ZONE ${ZONE})::date - (r.created_at AT TIME ZONE ${ZONE})::date AS answered_days,
         (r.done_at AT TIME ZONE ${ZONE})::date - (r.created_at AT TIME ZONE ${ZONE})::date AS done_days
    FROM referral r`;

const REFERRAL_FACT_COLUMNS =
  'referral_id, sent_on, from_organization_id, to_organization_id, status, answered_days, done_days';

/** Every referral, as the indicators count it (Paris calendar days). */
export function rebuildReferralFactsStatements(): SqlStatement[] {
  return [
    { text: 'DELETE FROM reporting_referral_fact', values: [] },
    {
      text: `INSERT INTO reporting_referral_fact (${REFERRAL_FACT_COLUMNS})
${REFERRAL_FACT}
ORDER BY sent_on`,
      values: [],
    },
  ];
}

/** The referrals sent or answered since `since` (their `updated_at`), again. */
export function refreshReferralFactsStatement(since: Date): SqlStatement {
  const params = new SqlParams();
  const text = `INSERT INTO reporting_referral_fact AS t (${REFERRAL_FACT_COLUMNS})
${REFERRAL_FACT}
   WHERE r.updated_at > ${params.add(since)}
ON CONFLICT (referral_id) DO UPDATE SET sent_on = EXCLUDED.sent_on, from_organization_id = EXCLUDED.from_organization_id,
  to_organization_id = EXCLUDED.to_organization_id, status = EXCLUDED.status, answered_days = EXCLUDED.answered_days,
  done_days = EXCLUDED.done_days`;
  return { text, values: params.values };
}

// ── reception requests ────────────────────────────────────────────────────────

const RECEPTION_FACT_COLUMNS =
  'reception_request_id, requested_on, deadline, recorded_by_organization_id, honoured_on, state, days_late, measured_on';

/** Where each request's one-month clock stands today, by `receptionCommitmentSql` itself. */
function receptionFacts(today: CalendarDate, params: SqlParams, where: string): string {
  const commitment = receptionCommitmentSql(params, today);
  return `SELECT rc.id, rc.requested_on, rc.deadline, rc.recorded_by_organization_id, rc.honoured_on, rc.state,
         rc.days_late, ${params.add(today)}::date
    FROM (${commitment}) rc
   WHERE ${where}`;
}

export function rebuildReceptionFactsStatements(today: CalendarDate): SqlStatement[] {
  const params = new SqlParams();
  return [
    { text: 'DELETE FROM reporting_reception_fact', values: [] },
    {
      text: `INSERT INTO reporting_reception_fact (${RECEPTION_FACT_COLUMNS})
${receptionFacts(today, params, 'TRUE')}
ORDER BY rc.requested_on`,
      values: params.values,
    },
  ];
}

/**
 * Measures again the requests recorded since `since`, those whose file had an appointment booked or
 * changed since, and, once a day, those still waiting (open, or late and not received yet).
 */
export function refreshReceptionFactsStatement(since: Date, today: CalendarDate): SqlStatement {
  const params = new SqlParams();
  const after = params.add(since);
  const day = `${params.add(today)}::date`;
  const where = `rc.id IN (SELECT id FROM reception_request WHERE created_at > ${after})
      OR rc.applicant_file_id IN (SELECT applicant_file_id FROM appointment WHERE updated_at > ${after})
      OR rc.id IN (SELECT reception_request_id FROM reporting_reception_fact
                    WHERE measured_on < ${day} AND (state = 'OPEN' OR (state = 'LATE' AND honoured_on IS NULL)))`;
  const text = `INSERT INTO reporting_reception_fact AS t (${RECEPTION_FACT_COLUMNS})
${receptionFacts(today, params, where)}
ON CONFLICT (reception_request_id) DO UPDATE SET requested_on = EXCLUDED.requested_on, deadline = EXCLUDED.deadline,
  recorded_by_organization_id = EXCLUDED.recorded_by_organization_id, honoured_on = EXCLUDED.honoured_on,
  state = EXCLUDED.state, days_late = EXCLUDED.days_late, measured_on = EXCLUDED.measured_on`;
  return { text, values: params.values };
}

// ── documents ─────────────────────────────────────────────────────────────────

const IDENTITY_TYPES = (nationality: string) => `CASE ${nationality}
           WHEN 'NON_EU' THEN ARRAY['RESIDENCE_PERMIT']
           WHEN 'FRENCH' THEN ARRAY['IDENTITY']
           WHEN 'EU' THEN ARRAY['IDENTITY']
           ELSE ARRAY['IDENTITY', 'RESIDENCE_PERMIT'] END`;

/**
 * Today's document completeness of the registered demands, by point of entry: the mandatory lines
 * of `documentChecklist` (libs/shared/domain), in SQL. Registration: the applicant's identity
 * document (residence permit outside the EU; either when the nationality is unknown). Instruction:
 * identity and tax notice of every adult to be housed (the applicant, the co-applicant, household
 * members of 18 or more, members of unknown age who are not dependants). A line is answered by a
 * PROVIDED or VERIFIED document of an accepted type for that person, not expired today; a document
 * naming no one counts for the applicant; a member without an id cannot be answered.
 */
export function documentSnapshotStatements(today: CalendarDate): SqlStatement[] {
  const params = new SqlParams();
  const day = `${params.add(today)}::date`;
  const adult = `(m->>'kind') IS DISTINCT FROM 'EXPECTED_CHILD'
           AND CASE WHEN m->>'birthDate' IS NULL THEN m->>'kind' = 'OTHER_MEMBER'
                    ELSE (m->>'birthDate')::date <= (${day} - interval '${ADULT_AGE_YEARS} years')::date END`;
  const text = `WITH reg AS (
  SELECT f.id, f.created_by_organization_id AS entry_organization_id, f.content
    FROM applicant_file f WHERE f.status IN ('REGISTERED', 'RENEWAL_DUE')),
held AS (
  SELECT d.applicant_file_id AS id, COALESCE(d.person_id, 'APPLICANT') AS person,
         array_agg(DISTINCT d.type::text) AS types
    FROM supporting_document d
   WHERE d.status IN (${sqlList(SATISFYING_DOCUMENT_STATUSES)}) AND (d.valid_until IS NULL OR d.valid_until >= ${day})
     AND d.applicant_file_id IN (SELECT id FROM reg)
   GROUP BY 1, 2),
candidates AS (SELECT * FROM reg WHERE id IN (SELECT id FROM held)),
people AS (
  SELECT c.id, 'APPLICANT'::text AS person, ${IDENTITY_TYPES("c.content->'applicant'->>'nationality'")} AS identity_types
    FROM candidates c
  UNION ALL
  SELECT c.id, 'CO_APPLICANT', ${IDENTITY_TYPES("c.content->'coApplicant'->>'nationality'")}
    FROM candidates c WHERE jsonb_typeof(c.content->'coApplicant') = 'object'
  UNION ALL
  SELECT c.id, m->>'id', ARRAY['IDENTITY', 'RESIDENCE_PERMIT']
    FROM candidates c
    CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(c.content->'householdMembers') = 'array'
                                                 THEN c.content->'householdMembers' ELSE '[]'::jsonb END) AS m
   WHERE ${adult}),
lines AS (
  SELECT p.id, p.person, COALESCE(h.types && p.identity_types, false) AS identity,
         COALESCE('TAX_NOTICE' = ANY(h.types), false) AS tax_notice
    FROM people p LEFT JOIN held h ON h.id = p.id AND h.person = p.person),
complete AS (
  SELECT id, bool_or(person = 'APPLICANT' AND identity) AS registration,
         bool_and(person IS NOT NULL AND identity AND tax_notice) AS instruction
    FROM lines GROUP BY id)
INSERT INTO reporting_document_snapshot (day, entry_organization_id, registered_files, registration_complete, instruction_complete)
SELECT ${day}, reg.entry_organization_id, count(*)::int,
       count(*) FILTER (WHERE c.registration)::int,
       count(*) FILTER (WHERE c.registration AND c.instruction)::int
  FROM reg LEFT JOIN complete c ON c.id = reg.id
 GROUP BY reg.entry_organization_id`;
  const clear = new SqlParams();
  return [
    {
      text: `DELETE FROM reporting_document_snapshot WHERE day = ${clear.add(today)}::date`,
      values: clear.values,
    },
    { text, values: params.values },
  ];
}

// ── state ─────────────────────────────────────────────────────────────────────

export interface SummaryStateRow {
  name: string;
  refreshed_at: Date;
  watermark: Date | null;
}

export function summaryStateQuery(): SqlStatement {
  return { text: 'SELECT name, refreshed_at, watermark FROM reporting_summary_state', values: [] };
}

/** Records a refresh at the transaction's time (`now()`): changes committed later are seen next time. */
export function saveSummaryStateStatement(name: string, withWatermark: boolean): SqlStatement {
  const params = new SqlParams();
  const text = `INSERT INTO reporting_summary_state AS s (name, refreshed_at, watermark)
VALUES (${params.add(name)}, now(), ${withWatermark ? 'now()' : 'NULL'})
ON CONFLICT (name) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at, watermark = EXCLUDED.watermark`;
  return { text, values: params.values };
}
