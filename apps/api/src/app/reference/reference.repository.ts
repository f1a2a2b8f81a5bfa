import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type {
  CreateOrganizationRequest,
  OrganizationType,
  UpdateOrganizationRequest,
} from '@passerelle/shared/domain';
import type { Db } from '@api/platform/database/transactions';
import { CommuneEntity } from './commune.entity';
import { OrganizationEntity } from './organization.entity';

export interface OrganizationRow {
  id: string;
  name: string;
  type: OrganizationType;
  registers_demands: boolean;
  insee_code: string | null;
  active: boolean;
  requires_pro_connect: boolean;
}

const ORGANIZATION_COLUMNS = 'id, name, type, registers_demands, insee_code, active, requires_pro_connect';

@Injectable()
export class ReferenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  currentCommunes(): Promise<CommuneEntity[]> {
    return this.dataSource
      .getRepository(CommuneEntity)
      .find({ where: { current: true }, order: { name: 'ASC' } });
  }

  activeOrganizations(): Promise<OrganizationEntity[]> {
    return this.dataSource
      .getRepository(OrganizationEntity)
      .find({ where: { active: true }, order: { type: 'ASC', name: 'ASC' } });
  }

  async isCurrentCommune(db: Db, inseeCode: string): Promise<boolean> {
    const rows = await db.query<unknown[]>('SELECT 1 FROM commune WHERE insee_code = $1 AND current', [
      inseeCode,
    ]);
    return rows.length > 0;
  }

  async insertOrganization(db: Db, organization: CreateOrganizationRequest): Promise<OrganizationRow> {
    const rows = await db.query<OrganizationRow[]>(
      `INSERT INTO organization (code, name, type, registers_demands, insee_code, requires_pro_connect)
       VALUES ('ORG_' || replace(gen_random_uuid()::text, '-', ''), $1, $2, $3, $4, $5)
       RETURNING ${ORGANIZATION_COLUMNS}`,
      [
        organization.name,
        organization.type,
        organization.registersDemands,
        organization.inseeCode ?? null,
        organization.requiresProConnect ?? false,
      ],
    );
    return rows[0] as OrganizationRow;
  }

  /** The organisation before and after the change (for the audit log), or null when there is none. */
  async updateOrganization(
    db: Db,
    id: string,
    changes: UpdateOrganizationRequest,
  ): Promise<{ before: OrganizationRow; after: OrganizationRow } | null> {
    // The row locked and read first, in the same statement: its values before the change.
    const rows = await db.query<(OrganizationRow & { previous: OrganizationRow })[]>(
      `UPDATE organization o SET name = coalesce($2, o.name), registers_demands = coalesce($3, o.registers_demands),
              active = coalesce($4, o.active), requires_pro_connect = coalesce($5, o.requires_pro_connect),
              updated_at = now()
         FROM (SELECT ${ORGANIZATION_COLUMNS} FROM organization WHERE id = $1 FOR UPDATE) previous
        WHERE o.id = previous.id
        RETURNING o.id, o.name, o.type, o.registers_demands, o.insee_code, o.active, o.requires_pro_connect,
                  to_jsonb(previous) AS previous`,
      [
        id,
        changes.name ?? null,
        changes.registersDemands ?? null,
        changes.active ?? null,
        changes.requiresProConnect ?? null,
      ],
    );
    const row = rows[0];
    if (!row) return null;
    const { previous, ...after } = row;
    return { before: previous, after };
  }
}
