import {
  type FileStatus,
  grantFor,
  PARTNER_EVENT_TYPES,
  type PartnerEventType,
  type Principal,
} from '@passerelle/shared/domain';

/** Each event's dialog, under `/dossiers/:id/suivi/…`. */
export const PARTNER_EVENT_PATHS: Readonly<Record<PartnerEventType, string>> = {
  OFFER_MADE: 'proposition',
  OFFER_REFUSED: 'refus-proposition',
  COMMISSION_DECISION: 'commission',
  LEASE_SIGNED: 'bail-signe',
  NOTE: 'note',
};

/** Whether the caller reads or records partner events at all. */
export function seesPartnerEvents(principal: Principal | null): boolean {
  return !!principal && grantFor(principal, 'files.partnerEvent') !== undefined;
}

/**
 * The events the caller may record on a file in this status: the permission table's `only`, nothing
 * on a closed demand, and a signed lease on a registered demand only (it closes it as `HOUSED`).
 */
export function recordablePartnerEvents(
  principal: Principal | null,
  status: FileStatus | undefined,
): PartnerEventType[] {
  if (!principal || !status || status === 'CLOSED') return [];
  const grant = grantFor(principal, 'files.partnerEvent');
  if (!grant) return [];
  const types = grant.only ?? PARTNER_EVENT_TYPES;
  return PARTNER_EVENT_TYPES.filter(
    (type) =>
      types.includes(type) &&
      (type !== 'LEASE_SIGNED' || status === 'REGISTERED' || status === 'RENEWAL_DUE'),
  );
}
