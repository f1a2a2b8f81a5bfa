import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigModule } from '@api/platform/config/config.module';
import type { AppConfig } from '@api/platform/config/config';
import { dataSourceOptions } from '@api/platform/database/data-source';
import { HealthController } from '@api/platform/health/health.controller';
import { ApiExceptionFilter } from '@api/platform/http/api-exception.filter';
import { RejectUndeclaredQueryGuard } from '@api/platform/http/query-guard';
import { createValidationPipe } from '@api/platform/http/validation';
import { LoggingModule } from '@api/platform/logging/logging.module';
import { AccessGuard } from './access/access.guard';
import { IdentityModule } from './identity/identity.module';
import { ReferenceModule } from './reference/reference.module';
import { AccessModule } from './access/access.module';
import { ApplicantFilesModule } from './applicant-files/applicant-files.module';
import { TimelineModule } from './timeline/timeline.module';
import { EvaluationsModule } from './evaluations/evaluations.module';
import { FragilityModule } from './fragility/fragility.module';
import { DocumentsModule } from './documents/documents.module';
import { ReferralsModule } from './referrals/referrals.module';
import { AppointmentsModule } from './appointments/appointments.module';
import { AuditModule } from './audit/audit.module';
import { PrivacyModule } from './privacy/privacy.module';
import { ReportingModule } from './reporting/reporting.module';
import { PlatformModule } from '@api/platform/platform.module';
import type { Clock } from '@api/platform/clock';
import type { QueryCounter } from '@api/platform/database/query-counter';
import type { DestinationStream } from 'pino';

/** What tests may substitute: the clock, a counter of SQL statements, where the logs go (stdout). */
export interface AppOptions {
  clock?: Clock;
  queryCounter?: QueryCounter;
  logDestination?: DestinationStream;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(options.logDestination),
        PlatformModule.forRoot({ clock: options.clock }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.databaseUrl),
          ...(options.queryCounter ? { logger: options.queryCounter, logging: ['query'] as const } : {}),
          retryAttempts: 3,
          retryDelay: 1000,
        }),
        AccessModule,
        AuditModule,
        ReferenceModule,
        IdentityModule,
        TimelineModule,
        ApplicantFilesModule,
        EvaluationsModule,
        FragilityModule,
        DocumentsModule,
        ReferralsModule,
        AppointmentsModule,
        PrivacyModule,
        ReportingModule,
      ],
      controllers: [HealthController],
      providers: [
        // In this order: who may call the route, then whether its query string is one it takes.
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: RejectUndeclaredQueryGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
