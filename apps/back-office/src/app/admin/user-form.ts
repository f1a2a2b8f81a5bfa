import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { type OrganizationView, type Role, ROLE_ORGANIZATION_TYPES } from '@passerelle/shared/domain';

/** The API's rule for usernames: lower case, digits, dot, dash, underscore; 3 to 64 characters. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export function usernameValidator(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value?.trim();
  return value && !USERNAME_PATTERN.test(value) ? { username: true } : null;
}

/** The organisations a user of this role may belong to (a relay clerk works at a relay point…). */
export function organizationsForRole(
  organizations: readonly OrganizationView[],
  role: Role | '',
): OrganizationView[] {
  if (!role) return [];
  const types: readonly string[] = ROLE_ORGANIZATION_TYPES[role];
  return organizations
    .filter((organization) => types.includes(organization.type))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}
