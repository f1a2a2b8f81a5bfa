import { Injectable } from '@nestjs/common';
import type {
  AuditFieldChange,
  CreateOrganizationRequest,
  OrganizationView,
  UpdateOrganizationRequest,
} from '@passerelle/shared/domain';
import { Transactions } from '@api/platform/database/transactions';
import { DomainError, notFound } from '@api/platform/http/domain-error';
import { AuditRepository } from '@api/app/audit/audit.repository';
import { type OrganizationRow, ReferenceRepository } from './reference.repository';
import { toOrganizationView } from './reference.mapper';
import type { OrganizationEntity } from './organization.entity';

const toView = (row: OrganizationRow): OrganizationView =>
  toOrganizationView({
    id: row.id,
    name: row.name,
    type: row.type,
    registersDemands: row.registers_demands,
    inseeCode: row.insee_code,
    requiresProConnect: row.requires_pro_connect,
  } as OrganizationEntity);

/** What an organisation's change says in the audit log: an organisation's data is not personal. */
export function organizationChanges(before: OrganizationRow, after: OrganizationRow): AuditFieldChange[] {
  const changes: AuditFieldChange[] = [];
  if (before.name !== after.name) changes.push({ field: 'name', from: before.name, to: after.name });
  if (before.registers_demands !== after.registers_demands)
    changes.push({ field: 'registersDemands', from: before.registers_demands, to: after.registers_demands });
  if (before.active !== after.active)
    changes.push({ field: 'active', from: before.active, to: after.active });
  if (before.requires_pro_connect !== after.requires_pro_connect)
    changes.push({
      field: 'requiresProConnect',
      from: before.requires_pro_connect,
      to: after.requires_pro_connect,
    });
  return changes;
}

/** The coordinator adds organisations to the network, or changes them; each change is audited. */
@Injectable()
export class OrganizationsService {
  constructor(
    private readonly reference: ReferenceRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditRepository,
  ) {}

  create(body: CreateOrganizationRequest): Promise<OrganizationView> {
    return this.transactions.run(async (db) => {
      if (body.inseeCode && !(await this.reference.isCurrentCommune(db, body.inseeCode)))
        throw new DomainError('INVALID', 'Invalid input', [
          { field: 'inseeCode', message: 'not a commune of the territory' },
        ]);
      const row = await this.reference.insertOrganization(db, body);
      await this.audit.recordAdmin(db, { type: 'ORGANIZATION', id: row.id }, [
        { field: 'name', to: row.name },
        { field: 'type', to: row.type },
        { field: 'registersDemands', to: row.registers_demands },
        ...(row.requires_pro_connect ? [{ field: 'requiresProConnect' as const, to: true }] : []),
        ...(row.insee_code ? [{ field: 'inseeCode' as const, to: row.insee_code }] : []),
      ]);
      return toView(row);
    });
  }

  update(id: string, body: UpdateOrganizationRequest): Promise<OrganizationView> {
    return this.transactions.run(async (db) => {
      const change = await this.reference.updateOrganization(db, id, body);
      if (!change) throw notFound('Organisation');
      await this.audit.recordAdmin(
        db,
        { type: 'ORGANIZATION', id },
        organizationChanges(change.before, change.after),
      );
      return toView(change.after);
    });
  }
}
