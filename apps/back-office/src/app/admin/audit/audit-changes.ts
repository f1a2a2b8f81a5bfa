import {
  AUDIT_TARGET_TYPE_LABELS,
  AUDITED_FIELD_LABELS,
  type AuditFieldChange,
  type AuditTarget,
  type AuditTargetType,
  type AuditValue,
  isCode,
  ORGANIZATION_TYPE_LABELS,
  ORGANIZATION_TYPES,
  ROLE_LABELS,
  ROLES,
} from '@passerelle/shared/domain';

function valueText(field: AuditFieldChange['field'], value: AuditValue | undefined): string {
  if (value === null || value === undefined) return 'aucun';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (field === 'role' && isCode(ROLES, value)) return ROLE_LABELS[value];
  if (field === 'type' && isCode(ORGANIZATION_TYPES, value)) return ORGANIZATION_TYPE_LABELS[value];
  return value;
}

/**
 * One change of an administration entry, in French: « Rôle : Agent d’accueil → Travailleur
 * social », « Organisation : CCAS d’Orthez » at a creation, the label alone for a field whose
 * values are not kept (a display name, a new activation code).
 */
export function describeChange(type: AuditTargetType, change: AuditFieldChange): string {
  const labels: Readonly<Record<string, string>> = AUDITED_FIELD_LABELS[type];
  const label = labels[change.field] ?? change.field;
  const to = valueText(change.field, change.to);
  if ('from' in change) return `${label} : ${valueText(change.field, change.from)} → ${to}`;
  return 'to' in change ? `${label} : ${to}` : label;
}

/** « Compte : Maïté Etcheverry »; a target that no longer exists by its number. */
export function describeTarget(target: AuditTarget): string {
  return `${AUDIT_TARGET_TYPE_LABELS[target.type]} : ${target.name ?? `n° ${target.id.slice(0, 8)}…`}`;
}
