import { type CalendarDate, type Scope, addMonthsClamped } from '@passerelle/shared/domain';
import type { SqlParams } from '@api/platform/database/sql-params';

/** Who is asking, as far as the scope of files is concerned. */
export interface FileScope {
  scope: Scope;
  organizationId: string;
  today: CalendarDate;
}

/**
 * The object scope of ACCESS.md as a SQL condition on a file aliased `alias`, applied inside the
 * query itself (never load-then-filter).
 * - shared: REGISTERED, RENEWAL_DUE, or CLOSED less than a year ago;
 * - own: created by the caller's organisation, or referred by it or to it (`file_organization`).
 */
export function fileScopeSql(scope: FileScope, params: SqlParams, alias = 'f'): string {
  const own = () =>
    `EXISTS (SELECT 1 FROM file_organization scope_fo WHERE scope_fo.applicant_file_id = ${alias}.id AND scope_fo.organization_id = ${params.add(scope.organizationId)})`;
  const ownProbe = () =>
    `COALESCE((SELECT TRUE FROM file_organization scope_fo WHERE scope_fo.applicant_file_id = ${alias}.id AND scope_fo.organization_id = ${params.add(scope.organizationId)} LIMIT 1), FALSE)`;
  switch (scope.scope) {
    case 'all':
      return 'TRUE';
    case 'own':
      return own();
    case 'shared+own':
      // Under OR, an EXISTS cannot become a semi-join and PostgreSQL may turn it into a hash of
      // every link of the organisation (80,000 rows for a big landlord) built for each query. A
      // scalar probe stays one primary-key lookup per candidate file.
      return `(${alias}.status IN ('REGISTERED', 'RENEWAL_DUE') OR (${alias}.status = 'CLOSED' AND ${alias}.closed_on > ${params.add(addMonthsClamped(scope.today, -12))}) OR ${ownProbe()})`;
    default:
      // Scopes of other records (org, addressedToOrg…) never reach files.
      return 'FALSE';
  }
}
