import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Clock, SystemClock } from './clock';
import { Transactions } from './database/transactions';
import { Jobs } from './jobs';
import { RequestDrain } from './shutdown';

/** What every context may inject: transactions, the clock, the scheduled jobs; and the stop's drain. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: { clock?: Clock } = {}): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        Transactions,
        Jobs,
        RequestDrain,
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
      ],
      exports: [Transactions, Jobs, Clock],
    };
  }
}
