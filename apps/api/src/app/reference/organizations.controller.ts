import { Body, Controller, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrganizationView } from '@passerelle/shared/domain';
import { Transactions } from '@api/platform/database/transactions';
import { DomainError, notFound } from '@api/platform/http/domain-error';
import { RequiresAction } from '@api/app/access/action.decorator';
import { IdParam } from '@api/platform/http/id-param';
import { AuditRepository } from '@api/app/audit/audit.repository';
import { CreateOrganizationDto, UpdateOrganizationDto } from './dto/organizations.dto';
import { OrganizationResponse } from './dto/reference.responses';
import { toOrganizationView } from './reference.mapper';
import type { OrganizationEntity } from './organization.entity';

interface OrganizationRow {
  id: string;
  name: string;
  type: OrganizationEntity['type'];
  registers_demands: boolean;
  insee_code: string | null;
}

const toView = (row: OrganizationRow): OrganizationView =>
  toOrganizationView({
    id: row.id,
    name: row.name,
    type: row.type,
    registersDemands: row.registers_demands,
    inseeCode: row.insee_code,
  } as OrganizationEntity);

/** The coordinator adds organisations to the network, or changes them. */
@ApiTags('reference')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditRepository,
  ) {}

  @Post()
  @RequiresAction('admin.organizations')
  @ApiOperation({ summary: 'Add an organisation (coordinator)' })
  @ApiCreatedResponse({ type: OrganizationResponse })
  create(@Body() body: CreateOrganizationDto): Promise<OrganizationView> {
    return this.transactions.run(async (db) => {
      if (body.inseeCode) {
        const [commune] = await db.query<unknown[]>(
          'SELECT 1 FROM commune WHERE insee_code = $1 AND current',
          [body.inseeCode],
        );
        if (!commune)
          throw new DomainError('INVALID', 'Invalid input', [
            { field: 'inseeCode', message: 'not a commune of the territory' },
          ]);
      }
      const rows = await db.query<OrganizationRow[]>(
        `INSERT INTO organization (code, name, type, registers_demands, insee_code)
         VALUES ('ORG_' || replace(gen_random_uuid()::text, '-', ''), $1, $2, $3, $4)
         RETURNING id, name, type, registers_demands, insee_code`,
        [body.name, body.type, body.registersDemands, body.inseeCode ?? null],
      );
      await this.audit.record('ADMIN', [null], db);
      return toView(rows[0] as OrganizationRow);
    });
  }

  @Patch(':id')
  @RequiresAction('admin.organizations')
  @ApiOperation({ summary: 'Rename, change the registration capability, or deactivate (coordinator)' })
  @ApiOkResponse({ type: OrganizationResponse })
  update(@Param() { id }: IdParam, @Body() body: UpdateOrganizationDto): Promise<OrganizationView> {
    return this.transactions.run(async (db) => {
      const rows = await db.query<OrganizationRow[]>(
        `UPDATE organization SET name = coalesce($2, name), registers_demands = coalesce($3, registers_demands),
                active = coalesce($4, active), updated_at = now()
          WHERE id = $1 RETURNING id, name, type, registers_demands, insee_code`,
        [id, body.name ?? null, body.registersDemands ?? null, body.active ?? null],
      );
      if (!rows[0]) throw notFound('Organisation');
      await this.audit.record('ADMIN', [null], db);
      return toView(rows[0]);
    });
  }
}
