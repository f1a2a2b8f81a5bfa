import { Injectable } from '@nestjs/common';
import {
  type AppointmentView,
  type CalendarDate,
  type CreateAppointmentRequest,
  type Page,
  type UpdateAppointmentRequest,
  type WalkInSlotView,
  grantFor,
} from '@passerelle/shared/domain';
import { Clock } from '@api/platform/clock';
import { type Db, Transactions } from '@api/platform/database/transactions';
import { conflict, invalid, notFound } from '@api/platform/http/domain-error';
import { type PageRequest, toPage } from '@api/platform/http/pagination';
import { FileAccess } from '@api/app/access/file-access';
import type { AuthenticatedPrincipal } from '@api/app/access/principal';
import { TimelineRepository } from '@api/app/timeline/timeline.repository';
import { MAX_WALK_IN_DAYS, calendarRangeErrors } from './appointment-rules';
import { toAppointmentView, toWalkInSlotView } from './appointment.mapper';
import type { AppointmentFilters } from './appointments.queries';
import { AppointmentsRepository } from './appointments.repository';

/** An organisation's appointments with applicants, and its walk-in calendar (DOMAIN.md §7). */
@Injectable()
export class AppointmentsService {
  constructor(
    private readonly appointments: AppointmentsRepository,
    private readonly timeline: TimelineRepository,
    private readonly fileAccess: FileAccess,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** On a file the caller may read (files.read's scope), for an agent of the caller's organisation. */
  create(principal: AuthenticatedPrincipal, body: CreateAppointmentRequest): Promise<AppointmentView> {
    const organizationId = principal.organization.id;
    const readGrant = grantFor(principal, 'files.read');
    const startsAt = new Date(body.startsAt);
    return this.transactions.run(async (db) => {
      if (!readGrant) throw notFound('Applicant file');
      await this.fileAccess.assertInScope(principal, readGrant, body.applicantFileId, db);
      const agentUserId = body.agentId ?? principal.userId;
      if (!(await this.appointments.isActiveMember(db, agentUserId, organizationId))) {
        throw invalid('Invalid input', [
          { field: 'agentId', message: 'the agent must be an active user of your organisation' },
        ]);
      }
      const id = await this.appointments.insert(db, {
        organizationId,
        agentUserId,
        applicantFileId: body.applicantFileId,
        startsAt,
        durationMinutes: body.durationMinutes,
        createdByUserId: principal.userId,
      });
      const appointment = await this.view(db, id, organizationId);
      await this.timeline.insert(db, {
        applicantFileId: body.applicantFileId,
        type: 'APPOINTMENT_BOOKED',
        actorUserId: principal.userId,
        actorOrganizationId: organizationId,
        details: {
          appointmentId: id,
          startsAt: appointment.startsAt,
          durationMinutes: appointment.durationMinutes,
          walkIn: appointment.walkIn,
          ...(appointment.agent ? { agent: appointment.agent } : {}),
        },
      });
      return appointment;
    });
  }

  async list(
    principal: AuthenticatedPrincipal,
    filters: AppointmentFilters,
    page: PageRequest,
  ): Promise<Page<AppointmentView>> {
    this.checkRange(filters.from, filters.to);
    const { rows, total } = await this.appointments.list(filters, principal.organization.id, {
      limit: page.pageSize,
      offset: page.offset,
    });
    return toPage(rows.map(toAppointmentView), total, page);
  }

  /**
   * Either an outcome, once the appointment has started, or a new start, while none is recorded.
   * Another organisation's appointment reads as missing.
   */
  update(
    principal: AuthenticatedPrincipal,
    id: string,
    body: UpdateAppointmentRequest,
  ): Promise<AppointmentView> {
    const organizationId = principal.organization.id;
    if ((body.outcome === undefined) === (body.startsAt === undefined)) {
      throw invalid('Invalid input', [
        {
          field: body.outcome === undefined ? 'outcome' : 'startsAt',
          message: 'send either outcome or startsAt',
        },
      ]);
    }
    return this.transactions.run(async (db) => {
      const current = await this.appointments.lock(db, id, organizationId);
      if (!current) throw notFound('Appointment');
      let change: { field: string; before: unknown; after: unknown };
      if (body.outcome !== undefined) {
        // Cancelling ahead is normal; honoured or missed can only be said once it has started.
        if (body.outcome !== 'CANCELLED' && this.clock.now() < current.starts_at) {
          throw conflict('HONOURED or MISSED is recorded once the appointment has started');
        }
        await this.appointments.update(db, id, { outcome: body.outcome });
        change = { field: 'outcome', before: current.outcome, after: body.outcome };
      } else {
        if (current.outcome !== null) {
          throw conflict(`The appointment is ${current.outcome}: book a new one rather than moving it`);
        }
        const startsAt = new Date(body.startsAt as string);
        await this.appointments.update(db, id, { startsAt });
        change = {
          field: 'startsAt',
          before: current.starts_at.toISOString(),
          after: startsAt.toISOString(),
        };
      }
      await this.timeline.insert(db, {
        applicantFileId: current.applicant_file_id,
        type: 'APPOINTMENT_UPDATED',
        actorUserId: principal.userId,
        actorOrganizationId: organizationId,
        changes: [change],
        details: { appointmentId: id },
      });
      return this.view(db, id, organizationId);
    });
  }

  async walkInSlots(
    principal: AuthenticatedPrincipal,
    from: CalendarDate,
    to: CalendarDate,
  ): Promise<WalkInSlotView[]> {
    this.checkRange(from, to, MAX_WALK_IN_DAYS);
    const rows = await this.appointments.walkInOccurrences(principal.organization.id, from, to);
    return rows.map(toWalkInSlotView);
  }

  private checkRange(from: CalendarDate | undefined, to: CalendarDate | undefined, maxDays?: number): void {
    const errors = calendarRangeErrors(from, to, maxDays);
    if (errors.length > 0) throw invalid('Invalid input', errors);
  }

  private async view(db: Db, id: string, organizationId: string): Promise<AppointmentView> {
    const row = await this.appointments.find(id, organizationId, db);
    if (!row) throw new Error('appointment not readable after writing it');
    return toAppointmentView(row);
  }
}
