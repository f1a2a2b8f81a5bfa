import { Injectable } from '@nestjs/common';
import {
  type CalendarDate,
  type Civility,
  type Contact,
  type FileStatus,
  type Grant,
  type Page,
  type RenewalReminderItem,
  type RenewalReminderText,
  type RenewalReminderView,
  type View,
  grantFor,
  renewalReminderText,
} from '@passerelle/shared/domain';
import { Clock } from '@api/platform/clock';
import { Transactions } from '@api/platform/database/transactions';
import { conflict, notFound } from '@api/platform/http/domain-error';
import { type PageRequest, toPage } from '@api/platform/http/pagination';
import type { FileScope } from '@api/app/access/file-scope';
import type { AuthenticatedPrincipal } from '@api/app/access/principal';
import { TimelineRepository } from '@api/app/timeline/timeline.repository';
import { Notifier } from './notifier';
import type { ReminderRow } from './reporting.queries';
import { RenewalRemindersRepository } from './renewal-reminders.repository';

/** File views that show the applicant's contact (ACCESS.md: not the coordinator's). */
const VIEWS_WITH_CONTACT: readonly (View | undefined)[] = ['full', 'contactCard'];

interface Remindable {
  id: string;
  status: FileStatus;
  sneNumber: string | null;
  renewalDueOn: CalendarDate;
  applicant: { civility?: Civility; lastName: string; usageName?: string; firstNames: string };
  contact?: Contact;
}

function remindable(row: ReminderRow): Remindable | null {
  if (row.status !== 'REGISTERED' && row.status !== 'RENEWAL_DUE') return null;
  const applicant = row.applicant ?? {};
  return {
    id: row.id,
    status: row.status,
    sneNumber: row.sne_number,
    renewalDueOn: row.renewal_due_on,
    applicant: {
      ...(applicant.civility === 'MR' || applicant.civility === 'MRS'
        ? { civility: applicant.civility }
        : {}),
      lastName: applicant.lastName ?? '',
      ...(applicant.usageName ? { usageName: applicant.usageName } : {}),
      firstNames: applicant.firstNames ?? '',
    },
    ...(row.contact ? { contact: row.contact as Contact } : {}),
  };
}

const textOf = (file: Remindable): string =>
  renewalReminderText({ ...file.applicant, sneNumber: file.sneNumber, renewalDueOn: file.renewalDueOn });

/**
 * Renewal reminders (DOMAIN.md §4: the applicant is told at least one month before the demand
 * falls due): who to remind, what to tell them, and the record that they were told. Delivery goes
 * through the `Notifier` (none by default: no mail leaves Passerelle).
 */
@Injectable()
export class RenewalRemindersService {
  constructor(
    private readonly reminders: RenewalRemindersRepository,
    private readonly timeline: TimelineRepository,
    private readonly transactions: Transactions,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  private scopeOf(principal: AuthenticatedPrincipal, grant: Grant): FileScope {
    return { scope: grant.scope, organizationId: principal.organization.id, today: this.clock.today() };
  }

  /** Whether the caller's view of a file (files.read) shows the contact. */
  private showsContact(principal: AuthenticatedPrincipal): boolean {
    return VIEWS_WITH_CONTACT.includes(grantFor(principal, 'files.read')?.view);
  }

  async toRemind(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    page: PageRequest,
  ): Promise<Page<RenewalReminderItem>> {
    const { rows, total } = await this.reminders.toRemind(
      this.clock.today(),
      this.scopeOf(principal, grant),
      {
        limit: page.pageSize,
        offset: page.offset,
      },
    );
    const withContact = this.showsContact(principal);
    const items = rows
      .map(remindable)
      .filter((file) => file !== null)
      .map((file) => ({
        applicantFileId: file.id,
        status: file.status,
        sneNumber: file.sneNumber,
        renewalDueOn: file.renewalDueOn,
        applicant: file.applicant,
        ...(withContact && file.contact ? { contact: file.contact } : {}),
        text: textOf(file),
      }));
    return toPage(items, total, page);
  }

  async text(principal: AuthenticatedPrincipal, grant: Grant, fileId: string): Promise<RenewalReminderText> {
    const row = await this.reminders.file(fileId, this.scopeOf(principal, grant));
    if (!row) throw notFound('Applicant file');
    const file = remindable(row);
    if (!file) throw conflict('Only a registered demand falls due');
    return { applicantFileId: file.id, renewalDueOn: file.renewalDueOn, text: textOf(file) };
  }

  /** Records that the applicant was reminded of the current due date; 409 if already done. */
  remind(principal: AuthenticatedPrincipal, grant: Grant, fileId: string): Promise<RenewalReminderView> {
    const today = this.clock.today();
    return this.transactions.run(async (db) => {
      const row = await this.reminders.file(fileId, this.scopeOf(principal, grant), db, true);
      if (!row) throw notFound('Applicant file');
      const file = remindable(row);
      if (!file) throw conflict('Only a registered demand falls due');
      if (file.renewalDueOn < today) throw conflict('The demand is already past its due date');
      const recorded = await this.reminders.insert(db, {
        applicantFileId: file.id,
        renewalDueOn: file.renewalDueOn,
        remindedOn: today,
        userId: principal.userId,
        organizationId: principal.organization.id,
      });
      if (!recorded) throw conflict('The applicant was already reminded of this due date');
      await this.timeline.insert(db, {
        applicantFileId: file.id,
        type: 'RENEWAL_REMINDED',
        actorUserId: principal.userId,
        actorOrganizationId: principal.organization.id,
        details: { reminderId: recorded.id, renewalDueOn: file.renewalDueOn },
      });
      const text = textOf(file);
      // Inside the transaction: a gateway that fails leaves the applicant « not reminded ».
      await this.notifier.send({
        applicantFileId: file.id,
        renewalDueOn: file.renewalDueOn,
        recipient: {
          lastName: file.applicant.usageName ?? file.applicant.lastName,
          firstNames: file.applicant.firstNames,
          ...(file.contact ? { contact: file.contact } : {}),
        },
        text,
      });
      return {
        id: recorded.id,
        applicantFileId: recorded.applicant_file_id,
        renewalDueOn: recorded.renewal_due_on,
        remindedOn: recorded.reminded_on,
        remindedBy: {
          userId: recorded.reminded_by_user_id,
          organizationId: recorded.reminded_by_organization_id,
          organizationName: recorded.organization_name,
        },
        text,
        createdAt: recorded.created_at.toISOString(),
      };
    });
  }
}
