import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@api/platform/config/config';
import { Clock } from '@api/platform/clock';
import { Transactions } from '@api/platform/database/transactions';
import { LifecycleService } from './lifecycle.service';

/** Advisory lock key: the renewal calendar runs on one instance at a time. */
const RENEWAL_JOB_LOCK = 7_301_101;
const EVERY_HOUR = 3_600_000;

/**
 * The daily renewal calendar (RENEWAL_DUE one month before, NOT_RENEWED after the due date).
 * Checked every hour: idempotent, so « daily » holds whatever the hour and however many instances.
 */
@Injectable()
export class RenewalJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RenewalJob.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly lifecycle: LifecycleService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.mode === 'test') return; // tests run the job themselves, with their clock
    const run = () =>
      void this.run().catch((error: unknown) => this.logger.error({ err: error }, 'renewal job failed'));
    run();
    this.timer = setInterval(run, EVERY_HOUR);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Runs once now; skipped (null) when another instance holds the lock. */
  async run(): Promise<{ renewalDue: number; notRenewed: number } | null> {
    return this.transactions.run(async (db) => {
      const [lock] = await db.query<{ locked: boolean }[]>('SELECT pg_try_advisory_xact_lock($1) AS locked', [
        RENEWAL_JOB_LOCK,
      ]);
      if (!lock?.locked) return null;
      const result = await this.lifecycle.applyRenewalCalendar(db, this.clock.today());
      if (result.renewalDue + result.notRenewed > 0) this.logger.log(result, 'renewal calendar applied');
      return result;
    });
  }
}
