import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { type AuditAction, isCalendarDate } from '@passerelle/shared/domain';
import type { AuditFilters } from '../admin.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AuditFilterValues {
  userId: string;
  targetId: string;
  applicantFileId: string;
  action: AuditAction | '';
  from: string;
  to: string;
}

export function fileIdValidator(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value?.trim();
  return value && !UUID.test(value) ? { fileId: true } : null;
}

/** « Du » after « au » is an error on the group. */
export function periodValidator(
  group: AbstractControl<{ from?: string; to?: string }>,
): ValidationErrors | null {
  const { from, to } = group.value;
  return from && to && isCalendarDate(from) && isCalendarDate(to) && from > to ? { period: true } : null;
}

/** The query of `GET /api/audit-entries`: only the filters that are set. */
export function auditQuery(values: AuditFilterValues): AuditFilters {
  const query: AuditFilters = {};
  if (values.userId) query.userId = values.userId;
  if (values.targetId) query.targetId = values.targetId;
  if (values.applicantFileId.trim()) query.applicantFileId = values.applicantFileId.trim().toLowerCase();
  if (values.action) query.action = values.action;
  if (values.from) query.from = values.from;
  if (values.to) query.to = values.to;
  return query;
}

/** `?cible=` of the page's address (« Journal de ce compte »): an account's or organisation's id, else nothing. */
export function targetFromAddress(value: string | null): string {
  const id = value?.trim().toLowerCase() ?? '';
  return UUID.test(id) ? id : '';
}
