import { Injectable, Logger } from '@nestjs/common';
import type { CalendarDate, Contact } from '@passerelle/shared/domain';

/** What a renewal reminder carries to whoever delivers it. */
export interface RenewalReminderMessage {
  applicantFileId: string;
  renewalDueOn: CalendarDate;
  recipient: { lastName: string; firstNames: string; contact?: Contact };
  /** The French text (renewalReminderText). */
  text: string;
}

/**
 * Delivers reminders to applicants. No mail leaves Passerelle today: the default only records that
 * a reminder was marked; a mail or SMS gateway plugs in by providing another implementation.
 */
export abstract class Notifier {
  abstract send(reminder: RenewalReminderMessage): Promise<void>;
}

/** The default: logs that a reminder was recorded (its file and due date only: no personal data). */
@Injectable()
export class LoggingNotifier extends Notifier {
  private readonly logger = new Logger('RenewalReminders');

  send(reminder: RenewalReminderMessage): Promise<void> {
    this.logger.log(
      { applicantFileId: reminder.applicantFileId, renewalDueOn: reminder.renewalDueOn },
      'renewal reminder recorded (no gateway: nothing sent)',
    );
    return Promise.resolve();
  }
}
