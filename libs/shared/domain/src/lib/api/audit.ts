import type { AuditAction, AuditTargetType, AuditedField } from '../codes';

/** A value an administration entry keeps: a code, a flag, an organisation's name; never personal data. */
export type AuditValue = string | boolean | null;

/**
 * A field an administration entry changed: always its name; its values before and after when they
 * are not personal data (role, organisation, active…). A display name is named only; a password,
 * an activation code or a hash never has a value here.
 */
export interface AuditFieldChange {
  field: AuditedField;
  from?: AuditValue;
  to?: AuditValue;
}

/** The account or organisation an administration entry changed; `name` as it is now, if it still exists. */
export interface AuditTarget {
  type: AuditTargetType;
  id: string;
  name?: string;
}

/** A line of the access log (`GET /api/audit-entries`, API.md). */
export interface AuditEntryView {
  id: string;
  at: string;
  userId: string | null;
  username: string | null;
  organizationId: string | null;
  applicantFileId?: string;
  action: AuditAction;
  route: string;
  /** The request's `X-Request-Id`, as in the log lines. */
  requestId: string | null;
  /** The client's address as the API saw it (behind a proxy: `TRUST_PROXY`). */
  clientAddress: string | null;
  target?: AuditTarget;
  changedFields?: AuditFieldChange[];
}
