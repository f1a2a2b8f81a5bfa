import type { Capability, CurrentUser, OrganizationSummary, Role } from '@passerelle/shared/domain';
import type { Principal } from '@passerelle/shared/domain';

/** Who is calling, checked against the database on every request. */
export interface AuthenticatedPrincipal extends Principal {
  readonly userId: string;
  readonly sessionId: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly organization: OrganizationSummary;
  readonly capabilities: readonly Capability[];
}

export function capabilitiesOf(organization: OrganizationSummary): Capability[] {
  return organization.registersDemands ? ['registersDemands'] : [];
}

export function toCurrentUser(principal: AuthenticatedPrincipal): CurrentUser {
  return {
    id: principal.userId,
    username: principal.username,
    displayName: principal.displayName,
    role: principal.role,
    organization: principal.organization,
  };
}
