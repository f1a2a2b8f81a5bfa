import { Module } from '@nestjs/common';
import { TimelineModule } from '@api/app/timeline/timeline.module';
import { LoggingNotifier, Notifier } from './notifier';
import { ReportingController } from './reporting.controller';
import { ReportingRefreshJob } from './reporting-refresh.job';
import { ReportingRepository } from './reporting.repository';
import { ReportingService } from './reporting.service';
import { FileRenewalRemindersController, RenewalRemindersController } from './renewal-reminders.controller';
import { RenewalRemindersRepository } from './renewal-reminders.repository';
import { RenewalRemindersService } from './renewal-reminders.service';

/** The steering indicators (DOMAIN.md §10), their summary job, and the renewal reminders. */
@Module({
  imports: [TimelineModule],
  controllers: [ReportingController, RenewalRemindersController, FileRenewalRemindersController],
  providers: [
    ReportingRepository,
    ReportingService,
    ReportingRefreshJob,
    RenewalRemindersRepository,
    RenewalRemindersService,
    // No mail leaves Passerelle: a mail or SMS gateway replaces this provider.
    { provide: Notifier, useClass: LoggingNotifier },
  ],
})
export class ReportingModule {}
