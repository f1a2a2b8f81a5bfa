import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@api/platform/config/config';
import { schedule } from '@api/platform/jobs';
import { PrivacyService } from './privacy.service';

/** Checks every hour for files closed more than a year ago; the work itself is idempotent. */
@Injectable()
export class AnonymisationJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private stop?: () => void;

  constructor(
    private readonly privacy: PrivacyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.mode !== 'test')
      this.stop = schedule(AnonymisationJob.name, 3_600_000, () => this.privacy.anonymiseDue());
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }
}
