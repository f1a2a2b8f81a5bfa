import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@api/platform/config/config';
import { Transactions } from '@api/platform/database/transactions';
import { JOB_LOCKS, runExclusive, schedule } from '@api/platform/jobs';
import { SignInLimits } from './sign-in-limits';

/**
 * Sign-in failures only count for a quarter of an hour: those older than a day are deleted hourly,
 * with the familiar addresses an account has not signed in from for SIGN_IN_LIMITS.familiarAddressDays.
 */
@Injectable()
export class SignInFailuresJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private stop?: () => void;

  constructor(
    private readonly limits: SignInLimits,
    private readonly transactions: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.mode !== 'test')
      this.stop = schedule(SignInFailuresJob.name, 3_600_000, () => this.run());
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }

  run(): Promise<number | null> {
    return runExclusive(this.transactions, JOB_LOCKS.signInFailures, (db) => this.limits.forgetOld(db));
  }
}
