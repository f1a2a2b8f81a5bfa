import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Clock, SystemClock } from './clock';
import { Transactions } from './database/transactions';

/** What every context may inject: transactions and the clock. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: { clock?: Clock } = {}): DynamicModule {
    return {
      module: PlatformModule,
      providers: [Transactions, { provide: Clock, useValue: options.clock ?? new SystemClock() }],
      exports: [Transactions, Clock],
    };
  }
}
