import { Injectable } from '@nestjs/common';
import type { Db } from '@api/platform/database/transactions';

export type Row = Record<string, unknown>;

export interface HeldData {
  timeline: Row[];
  evaluations: Row[];
  fragilityFlags: Row[];
  documents: (Row & { storage_key: string })[];
  referrals: Row[];
  appointments: Row[];
  receptionRequests: Row[];
}

/** What privacy needs across contexts: everything held about one file, and its anonymisation. */
@Injectable()
export class PrivacyRepository {
  /** Everything held about a file besides the file itself, social content included (fixed query count). */
  async heldData(db: Db, fileId: string): Promise<HeldData> {
    const q = (sql: string) => db.query<Row[]>(sql, [fileId]);
    const [timeline, evaluations, fragilityFlags, documents, referrals, appointments, receptionRequests] =
      await Promise.all([
        q(`SELECT e.occurred_at, e.type, u.display_name AS actor, o.name AS organization, e.changes, e.details
           FROM timeline_event e LEFT JOIN app_user u ON u.id = e.actor_user_id LEFT JOIN organization o ON o.id = e.actor_organization_id
          WHERE e.applicant_file_id = $1 ORDER BY e.occurred_at, e.id`),
        q(`SELECT e.created_at, e.kind, e.notes, e.diagnosis, u.display_name AS author, o.name AS organization
           FROM evaluation e JOIN app_user u ON u.id = e.author_user_id JOIN organization o ON o.id = e.author_organization_id
          WHERE e.applicant_file_id = $1 ORDER BY e.created_at, e.id`),
        q(`SELECT f.criterion, f.status, f.suspicion_note, f.suspected_at, o.name AS suspected_by, f.decision_note, f.decided_on
           FROM fragility_flag f JOIN organization o ON o.id = f.suspected_by_organization_id
          WHERE f.applicant_file_id = $1 ORDER BY f.suspected_at, f.id`),
        q(`SELECT d.id, d.type, d.person_id, d.status, d.status_reason, d.sensitive, d.valid_until, d.file_name, d.media_type,
                d.size_bytes, d.sha256, d.uploaded_at, o.name AS uploaded_by, d.storage_key
           FROM supporting_document d JOIN organization o ON o.id = d.uploaded_by_organization_id
          WHERE d.applicant_file_id = $1 ORDER BY d.uploaded_at, d.id`) as Promise<
          (Row & { storage_key: string })[]
        >,
        q(`SELECT r.created_at, f.name AS from_organization, t.name AS to_organization, r.reason, r.suspected_criteria,
                r.appointment_wish, r.status, r.decline_reason, r.responded_at, r.done_at
           FROM referral r JOIN organization f ON f.id = r.from_organization_id JOIN organization t ON t.id = r.to_organization_id
          WHERE r.applicant_file_id = $1 ORDER BY r.created_at, r.id`),
        q(`SELECT a.starts_at, a.duration_minutes, a.outcome, o.name AS organization, u.display_name AS agent
           FROM appointment a JOIN organization o ON o.id = a.organization_id LEFT JOIN app_user u ON u.id = a.agent_user_id
          WHERE a.applicant_file_id = $1 ORDER BY a.starts_at, a.id`),
        q(`SELECT r.requested_on, r.deadline, o.name AS recorded_by
           FROM reception_request r JOIN organization o ON o.id = r.recorded_by_organization_id
          WHERE r.applicant_file_id = $1 ORDER BY r.requested_on, r.id`),
      ]);
    return { timeline, evaluations, fragilityFlags, documents, referrals, appointments, receptionRequests };
  }

  /** Closed files whose closure is older than `closedBefore` and still hold personal data. */
  async dueForAnonymisation(db: Db, closedBefore: string, limit: number): Promise<string[]> {
    const rows = await db.query<{ id: string }[]>(
      `SELECT id FROM applicant_file
        WHERE status = 'CLOSED' AND closed_on < $1 AND anonymised_at IS NULL
        ORDER BY closed_on LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [closedBefore, limit],
    );
    return rows.map((row) => row.id);
  }

  /** The storage keys of the files' documents, before their rows go. */
  async documentKeys(db: Db, fileIds: string[]): Promise<string[]> {
    const rows = await db.query<{ storage_key: string }[]>(
      'SELECT storage_key FROM supporting_document WHERE applicant_file_id = ANY($1::uuid[])',
      [fileIds],
    );
    return rows.map((row) => row.storage_key);
  }

  /**
   * Names, contact, birth dates, notes, evaluations' text and documents go; statistics keep
   * commune, typology, status and dates (DOMAIN.md §9).
   */
  async anonymise(db: Db, fileIds: string[]): Promise<void> {
    const ids = [fileIds];
    await db.query(
      `UPDATE applicant_file SET
         content = jsonb_strip_nulls(jsonb_build_object(
           'wishes', jsonb_strip_nulls(jsonb_build_object('typologies', content->'wishes'->'typologies', 'communes', content->'wishes'->'communes')),
           'currentHousing', jsonb_strip_nulls(jsonb_build_object('status', content->'currentHousing'->'status')),
           'reasons', jsonb_strip_nulls(jsonb_build_object('codes', content->'reasons'->'codes', 'main', content->'reasons'->'main')),
           'contact', jsonb_strip_nulls(jsonb_build_object('inseeCode', content->'contact'->'inseeCode')))),
         sort_name = '', birth_date = NULL, co_applicant_birth_date = NULL, name_words = '{}', name_search = NULL,
         sne_number = NULL, anonymised_at = now(), version = version + 1, updated_at = now()
       WHERE id = ANY($1::uuid[])`,
      ids,
    );
    await db.query(
      `UPDATE timeline_event SET changes = NULL,
              details = CASE WHEN details IS NULL THEN NULL ELSE details - 'note' - 'details' - 'reason' - 'sneNumber' END
        WHERE applicant_file_id = ANY($1::uuid[])`,
      ids,
    );
    await db.query(
      `UPDATE evaluation SET notes = '',
              diagnosis = CASE WHEN diagnosis IS NULL THEN NULL
                               ELSE jsonb_strip_nulls(jsonb_build_object('typologies', diagnosis->'typologies', 'communes', diagnosis->'communes')) END
        WHERE applicant_file_id = ANY($1::uuid[])`,
      ids,
    );
    await db.query(
      'UPDATE fragility_flag SET suspicion_note = NULL, decision_note = NULL WHERE applicant_file_id = ANY($1::uuid[])',
      ids,
    );
    await db.query(
      `UPDATE referral SET reason = '', appointment_wish = NULL,
              decline_reason = CASE WHEN decline_reason IS NULL THEN NULL ELSE '' END
        WHERE applicant_file_id = ANY($1::uuid[])`,
      ids,
    );
    await db.query('DELETE FROM supporting_document WHERE applicant_file_id = ANY($1::uuid[])', ids);
  }
}
