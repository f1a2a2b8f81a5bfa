import { Injectable } from '@nestjs/common';
import type { AppointmentOutcome, CalendarDate } from '@passerelle/shared/domain';
import { type Db, Transactions } from '@api/platform/database/transactions';
import {
  type AppointmentFilters,
  appointmentListQueries,
  appointmentQuery,
  walkInOccurrencesQuery,
} from './appointments.queries';

export interface AppointmentRow {
  id: string;
  applicant_file_id: string;
  applicant_last_name: string;
  applicant_first_names: string;
  organization_id: string;
  agent_user_id: string | null;
  agent_display_name: string | null;
  starts_at: Date;
  duration_minutes: number;
  outcome: AppointmentOutcome | null;
  created_at: Date;
  walk_in: boolean;
}

/** What a change needs to know about the appointment it changes. */
export interface LockedAppointment {
  id: string;
  applicant_file_id: string;
  starts_at: Date;
  outcome: AppointmentOutcome | null;
}

export interface WalkInOccurrenceRow {
  organization_id: string;
  starts_at: Date;
  ends_at: Date;
}

/** The only class that reads and writes appointments. Every read applies the organisation's scope. */
@Injectable()
export class AppointmentsRepository {
  constructor(private readonly transactions: Transactions) {}

  async find(
    id: string,
    organizationId: string,
    db: Db = this.transactions.pool,
  ): Promise<AppointmentRow | null> {
    const { text, values } = appointmentQuery(id, organizationId);
    const rows = await db.query<AppointmentRow[]>(text, values);
    return rows[0] ?? null;
  }

  async list(
    filters: AppointmentFilters,
    organizationId: string,
    page: { limit: number; offset: number },
  ): Promise<{ rows: AppointmentRow[]; total: number }> {
    const queries = appointmentListQueries(filters, organizationId, page);
    const db = this.transactions.pool;
    const [rows, count] = await Promise.all([
      db.query<AppointmentRow[]>(queries.page.text, queries.page.values),
      db.query<{ total: number }[]>(queries.count.text, queries.count.values),
    ]);
    return { rows, total: count[0]?.total ?? 0 };
  }

  /** Locks one of the organisation's appointments until the end of the transaction. */
  async lock(db: Db, id: string, organizationId: string): Promise<LockedAppointment | null> {
    const rows = await db.query<LockedAppointment[]>(
      `SELECT a.id, a.applicant_file_id, a.starts_at, a.outcome
         FROM appointment a
        WHERE a.id = $1 AND a.organization_id = $2
        FOR UPDATE`,
      [id, organizationId],
    );
    return rows[0] ?? null;
  }

  /** Whether the user is an active member of the organisation (an appointment's agent). */
  async isActiveMember(db: Db, userId: string, organizationId: string): Promise<boolean> {
    const rows = await db.query<unknown[]>(
      'SELECT 1 FROM app_user WHERE id = $1 AND organization_id = $2 AND active',
      [userId, organizationId],
    );
    return rows.length > 0;
  }

  async insert(
    db: Db,
    appointment: {
      organizationId: string;
      agentUserId: string;
      applicantFileId: string;
      startsAt: Date;
      durationMinutes: number;
      createdByUserId: string;
    },
  ): Promise<string> {
    const rows = await db.query<{ id: string }[]>(
      `INSERT INTO appointment (organization_id, agent_user_id, applicant_file_id, starts_at, duration_minutes,
         created_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id`,
      [
        appointment.organizationId,
        appointment.agentUserId,
        appointment.applicantFileId,
        appointment.startsAt,
        appointment.durationMinutes,
        appointment.createdByUserId,
      ],
    );
    return (rows[0] as { id: string }).id;
  }

  async update(
    db: Db,
    id: string,
    change: { outcome: AppointmentOutcome } | { startsAt: Date },
  ): Promise<void> {
    if ('outcome' in change) {
      await db.query('UPDATE appointment SET outcome = $2, updated_at = now() WHERE id = $1', [
        id,
        change.outcome,
      ]);
    } else {
      await db.query('UPDATE appointment SET starts_at = $2, updated_at = now() WHERE id = $1', [
        id,
        change.startsAt,
      ]);
    }
  }

  walkInOccurrences(
    organizationId: string,
    from: CalendarDate,
    to: CalendarDate,
  ): Promise<WalkInOccurrenceRow[]> {
    const { text, values } = walkInOccurrencesQuery(organizationId, from, to);
    return this.transactions.pool.query<WalkInOccurrenceRow[]>(text, values);
  }
}
