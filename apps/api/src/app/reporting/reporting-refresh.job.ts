import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@api/platform/config/config';
import { Clock } from '@api/platform/clock';
import { Transactions } from '@api/platform/database/transactions';
import { JOB_LOCKS, Jobs, runExclusive } from '@api/platform/jobs';
import { ReportingRepository } from './reporting.repository';

/** Advisory lock key of this job (beside the others' in platform/jobs.ts). */
export const REPORTING_REFRESH_LOCK = JOB_LOCKS.reportingRefresh;

/** How often the summary catches up with the files. */
export const REFRESH_EVERY_MS = 5 * 60_000;
/** Document completeness is measured again after this long (and on every new day). */
export const DOCUMENTS_EVERY_MS = 60 * 60_000;
/**
 * Files changed this long before the last refresh are looked at again: a transaction that began
 * before it (its `updated_at`) may have committed after. Looking twice changes nothing.
 */
export const WATERMARK_MARGIN_MS = 5 * 60_000;

export interface RefreshResult {
  files: 'rebuilt' | { changed: number; moved: number };
  documents: 'measured' | 'fresh';
}

/**
 * Keeps the reporting summary (reporting-summary.entities.ts) up to date: a full rebuild the first
 * time (or when asked), then only the files and referrals changed since the last refresh; the
 * document completeness of the day once an hour. One instance at a time (advisory lock); every run
 * is idempotent.
 */
@Injectable()
export class ReportingRefreshJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReportingRefreshJob.name);

  constructor(
    private readonly reporting: ReportingRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly jobs: Jobs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Tests run the job themselves, with their clock.
    if (this.config.mode !== 'test') {
      this.jobs.every(ReportingRefreshJob.name, REFRESH_EVERY_MS, () => this.run());
    }
  }

  /** Runs once now; null when another instance holds the lock. */
  run(options: { rebuild?: boolean } = {}): Promise<RefreshResult | null> {
    return runExclusive(this.transactions, REPORTING_REFRESH_LOCK, async (db) => {
      // A first build over a million files takes longer than a request may.
      await db.query('SET LOCAL statement_timeout = 0');
      await db.query("SET LOCAL work_mem = '128MB'");
      const today = this.clock.today();
      const states = await this.reporting.summaryStates(db);
      const files = states.get('files');
      let filesResult: RefreshResult['files'];
      if (options.rebuild || !files?.watermark || !(await this.reporting.hasFileFacts(db))) {
        const started = Date.now();
        await this.reporting.rebuildFileSummary(db, today);
        this.logger.log({ ms: Date.now() - started }, 'reporting summary rebuilt');
        filesResult = 'rebuilt';
      } else {
        const since = new Date(files.watermark.getTime() - WATERMARK_MARGIN_MS);
        filesResult = await this.reporting.refreshFileSummary(db, since, today);
      }
      const documents = states.get('documents');
      const stale =
        !documents ||
        this.clock.now().getTime() - documents.refreshed_at.getTime() > DOCUMENTS_EVERY_MS ||
        !(await this.reporting.hasDocumentSnapshot(db, today));
      if (options.rebuild || stale) {
        await this.reporting.snapshotDocuments(db, today);
        return { files: filesResult, documents: 'measured' };
      }
      return { files: filesResult, documents: 'fresh' };
    });
  }
}
