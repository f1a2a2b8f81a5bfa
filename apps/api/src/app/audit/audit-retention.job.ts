import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@api/platform/config/config';
import { Transactions } from '@api/platform/database/transactions';
import { JOB_LOCKS, Jobs, runExclusive } from '@api/platform/jobs';
import { AuditRepository } from './audit.repository';

/** Audit entries are kept twelve months, then purged (DOMAIN.md §8). Checked every hour. */
@Injectable()
export class AuditRetentionJob implements OnApplicationBootstrap {
  constructor(
    private readonly audit: AuditRepository,
    private readonly transactions: Transactions,
    private readonly jobs: Jobs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.mode !== 'test') this.jobs.every(AuditRetentionJob.name, 3_600_000, () => this.run());
  }

  run(): Promise<number | null> {
    return runExclusive(this.transactions, JOB_LOCKS.auditRetention, (db) => this.audit.purge(db));
  }
}
