import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigModule } from '@api/platform/config/config.module';
import type { AppConfig } from '@api/platform/config/config';
import { dataSourceOptions } from '@api/platform/database/data-source';
import { HealthController } from '@api/platform/health/health.controller';
import { ApiExceptionFilter } from '@api/platform/http/api-exception.filter';
import { RejectUndeclaredQueryInterceptor } from '@api/platform/http/query-guard.interceptor';
import { createValidationPipe } from '@api/platform/http/validation';
import { LoggingModule } from '@api/platform/logging/logging.module';
import { AccessGuard } from './access/access.guard';
import { IdentityModule } from './identity/identity.module';
import { ReferenceModule } from './reference/reference.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.databaseUrl),
          retryAttempts: 3,
          retryDelay: 1000,
        }),
        ReferenceModule,
        IdentityModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: RejectUndeclaredQueryInterceptor },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
