import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@passerelle/shared/domain';
import { type Db, Transactions } from '@api/platform/database/transactions';
import type { FileScope } from '@api/app/access/file-scope';
import { type ReminderRow, reminderFileQuery, remindersQueries } from './reporting.queries';

export interface RecordedReminderRow {
  id: string;
  applicant_file_id: string;
  renewal_due_on: CalendarDate;
  reminded_on: CalendarDate;
  reminded_by_user_id: string;
  reminded_by_organization_id: string;
  organization_name: string;
  created_at: Date;
}

/** The only class that reads and writes renewal reminders. Reads apply the caller's scope of files. */
@Injectable()
export class RenewalRemindersRepository {
  constructor(private readonly transactions: Transactions) {}

  async toRemind(
    today: CalendarDate,
    scope: FileScope,
    page: { limit: number; offset: number },
  ): Promise<{ rows: ReminderRow[]; total: number }> {
    const queries = remindersQueries(today, scope, page);
    const db = this.transactions.pool;
    const [rows, count] = await Promise.all([
      db.query<ReminderRow[]>(queries.page.text, queries.page.values),
      db.query<{ total: number }[]>(queries.count.text, queries.count.values),
    ]);
    return { rows, total: count[0]?.total ?? 0 };
  }

  async file(
    id: string,
    scope: FileScope,
    db: Db = this.transactions.pool,
    lock = false,
  ): Promise<ReminderRow | null> {
    const { text, values } = reminderFileQuery(id, scope);
    const rows = await db.query<ReminderRow[]>(lock ? `${text}\nFOR UPDATE OF f` : text, values);
    return rows[0] ?? null;
  }

  /** Null when this due date was already reminded. */
  async insert(
    db: Db,
    reminder: {
      applicantFileId: string;
      renewalDueOn: CalendarDate;
      remindedOn: CalendarDate;
      userId: string;
      organizationId: string;
    },
  ): Promise<RecordedReminderRow | null> {
    const rows = await db.query<RecordedReminderRow[]>(
      `WITH inserted AS (
         INSERT INTO renewal_reminder (applicant_file_id, renewal_due_on, reminded_on, reminded_by_user_id,
           reminded_by_organization_id)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (applicant_file_id, renewal_due_on) DO NOTHING
         RETURNING *)
       SELECT i.id, i.applicant_file_id, i.renewal_due_on, i.reminded_on, i.reminded_by_user_id,
              i.reminded_by_organization_id, o.name AS organization_name, i.created_at
         FROM inserted i JOIN organization o ON o.id = i.reminded_by_organization_id`,
      [
        reminder.applicantFileId,
        reminder.renewalDueOn,
        reminder.remindedOn,
        reminder.userId,
        reminder.organizationId,
      ],
    );
    return rows[0] ?? null;
  }
}
