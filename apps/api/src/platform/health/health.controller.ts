import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import type { HealthStatus } from '@passerelle/shared/domain';
import { Public } from '@api/app/access/action.decorator';
import { DATABASE_RETRY_AFTER_SECONDS } from '@api/platform/database/database-unavailable';

const PROBE_TIMEOUT_MS = 2_000;

@ApiTags('platform')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and database readiness' })
  @ApiOkResponse({ description: '{ "status": "ok" }' })
  @ApiServiceUnavailableResponse({
    description: '{ "status": "unavailable" } when the database does not answer',
  })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthStatus> {
    res.setHeader('Cache-Control', 'no-store');
    if (await this.databaseAnswers()) return { status: 'ok' };
    res.status(503);
    res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    return { status: 'unavailable' };
  }

  private async databaseAnswers(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
    });
    try {
      return await Promise.race([
        this.dataSource.query('SELECT 1').then(
          () => true,
          () => false,
        ),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
