import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@api/platform/config/config';
import { Jobs } from '@api/platform/jobs';
import { PrivacyService } from './privacy.service';

/** Checks every hour for files closed more than a year ago; the work itself is idempotent. */
@Injectable()
export class AnonymisationJob implements OnApplicationBootstrap {
  constructor(
    private readonly privacy: PrivacyService,
    private readonly jobs: Jobs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.mode !== 'test')
      this.jobs.every(AnonymisationJob.name, 3_600_000, () => this.privacy.anonymiseDue());
  }
}
