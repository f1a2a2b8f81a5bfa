import { computed, inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { OrganizationType, OrganizationView } from '@passerelle/shared/domain';
import { ORGANIZATION_TYPE_LABELS } from '@passerelle/shared/domain';
import { catchError, of } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { ReferralsService } from './referrals.service';

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

/** The destinations the signed-in user may choose, as they load. Call in an injection context. */
export function referralDestinations(): {
  readonly loading: Signal<boolean>;
  readonly failed: Signal<boolean>;
  readonly groups: Signal<DestinationGroup[]>;
} {
  const auth = inject(AuthService);
  const organizations = toSignal(
    inject(ReferralsService)
      .organizations()
      .pipe(catchError(() => of(null))),
  );
  return {
    loading: computed(() => organizations() === undefined),
    failed: computed(() => organizations() === null),
    groups: computed(() => destinationGroups(organizations() ?? [], auth.user()?.organization.id)),
  };
}
