import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@api/platform/config/config';
import { Clock } from '@api/platform/clock';
import { Transactions } from '@api/platform/database/transactions';
import { JOB_LOCKS, Jobs, runExclusive } from '@api/platform/jobs';
import { LifecycleService } from './lifecycle.service';

/**
 * The daily renewal calendar (RENEWAL_DUE one month before, NOT_RENEWED after the due date).
 * Checked every hour: idempotent, so « daily » holds whatever the hour and however many instances.
 */
@Injectable()
export class RenewalJob implements OnApplicationBootstrap {
  constructor(
    private readonly lifecycle: LifecycleService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly jobs: Jobs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Tests run the job themselves, with their clock.
    if (this.config.mode !== 'test') this.jobs.every(RenewalJob.name, 3_600_000, () => this.run());
  }

  /** Runs once now; null when another instance holds the lock. */
  run(): Promise<{ renewalDue: number; notRenewed: number } | null> {
    return runExclusive(this.transactions, JOB_LOCKS.renewalCalendar, (db) =>
      this.lifecycle.applyRenewalCalendar(db, this.clock.today()),
    );
  }
}
