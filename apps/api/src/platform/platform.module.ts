import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Clock, SystemClock } from './clock';
import { Transactions } from './database/transactions';
import { Jobs } from './jobs';

/** What every context may inject: transactions, the clock, the scheduled jobs. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: { clock?: Clock } = {}): DynamicModule {
    return {
      module: PlatformModule,
      providers: [Transactions, Jobs, { provide: Clock, useValue: options.clock ?? new SystemClock() }],
      exports: [Transactions, Jobs, Clock],
    };
  }
}
