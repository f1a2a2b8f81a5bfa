import type { OrganizationType, OrganizationView } from '@passerelle/shared/domain';
import { ORGANIZATION_TYPE_LABELS } from '@passerelle/shared/domain';

/** Where a relay clerk may send someone (DOMAIN.md §7). */
export const REFERRAL_DESTINATION_TYPES: readonly OrganizationType[] = [
  'INFO_POINT',
  'LANDLORD',
  'SOCIAL_SERVICE',
];

export interface DestinationGroup {
  readonly type: OrganizationType;
  readonly label: string;
  readonly organizations: readonly OrganizationView[];
}

/** The destinations, grouped by type in a fixed order, sorted by name (French collation). */
export function destinationGroups(
  organizations: readonly OrganizationView[],
  ownId?: string,
): DestinationGroup[] {
  return REFERRAL_DESTINATION_TYPES.map((type) => ({
    type,
    label: ORGANIZATION_TYPE_LABELS[type],
    organizations: organizations
      .filter((organization) => organization.type === type && organization.id !== ownId)
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
  })).filter((group) => group.organizations.length > 0);
}
