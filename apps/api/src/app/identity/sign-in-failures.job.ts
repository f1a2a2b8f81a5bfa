import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@api/platform/config/config';
import { Transactions } from '@api/platform/database/transactions';
import { JOB_LOCKS, Jobs, runExclusive } from '@api/platform/jobs';
import { SecondFactorRepository } from './second-factor.repository';
import { SignInLimits } from './sign-in-limits';
import { ProConnectRepository } from './proconnect.repository';

/**
 * Sign-in failures only count for a quarter of an hour: those older than a day are deleted hourly,
 * with the familiar addresses an account has not signed in from for SIGN_IN_LIMITS.familiarAddressDays,
 * expired ProConnect sign-ins, the requests of unknown agents after PROCONNECT_REQUEST_DAYS, and the
 * second-factor challenges that expired unanswered.
 */
@Injectable()
export class SignInFailuresJob implements OnApplicationBootstrap {
  constructor(
    private readonly limits: SignInLimits,
    private readonly proconnect: ProConnectRepository,
    private readonly secondFactors: SecondFactorRepository,
    private readonly transactions: Transactions,
    private readonly jobs: Jobs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.mode !== 'test') this.jobs.every(SignInFailuresJob.name, 3_600_000, () => this.run());
  }

  run(): Promise<number | null> {
    return runExclusive(
      this.transactions,
      JOB_LOCKS.signInFailures,
      async (db) =>
        (await this.limits.forgetOld(db)) +
        (await this.proconnect.forgetOld(db)) +
        (await this.secondFactors.forgetExpiredChallenges(db)),
    );
  }
}
