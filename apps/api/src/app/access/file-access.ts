import { Injectable } from '@nestjs/common';
import type { Grant } from '@passerelle/shared/domain';
import { Clock } from '@api/platform/clock';
import { SqlParams } from '@api/platform/database/sql-params';
import { type Db, Transactions } from '@api/platform/database/transactions';
import { notFound } from '@api/platform/http/domain-error';
import { type FileScope, fileScopeSql } from './file-scope';
import type { AuthenticatedPrincipal } from './principal';

/**
 * For records that hang off a file (timeline, evaluations, flags, documents…): is the file in the
 * caller's scope for this grant? One indexed query; a file out of scope answers 404 like a missing one.
 */
@Injectable()
export class FileAccess {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  scopeOf(principal: AuthenticatedPrincipal, grant: Grant): FileScope {
    return { scope: grant.scope, organizationId: principal.organization.id, today: this.clock.today() };
  }

  async assertInScope(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    fileId: string,
    db: Db = this.transactions.pool,
  ): Promise<void> {
    const params = new SqlParams();
    const text = `SELECT 1 FROM applicant_file f WHERE f.id = ${params.add(fileId)} AND ${fileScopeSql(this.scopeOf(principal, grant), params)}`;
    const rows = await db.query<unknown[]>(text, params.values);
    if (rows.length === 0) throw notFound('Applicant file');
  }
}
