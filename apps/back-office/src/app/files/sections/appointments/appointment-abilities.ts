import { type FileStatus, grantFor, type Principal } from '@passerelle/shared/domain';

export interface AppointmentAbilities {
  /** The organisation's appointments with the applicant. */
  readonly appointments: boolean;
  /** The applicant's requests to be received, and their one-month clock. */
  readonly receptionRequests: boolean;
  /** « Prendre rendez-vous »: not on a closed demand. */
  readonly book: boolean;
  /** The one-month clock starts for a registered demand only (DOMAIN.md §7). */
  readonly recordReceptionRequest: boolean;
}

const NONE: AppointmentAbilities = {
  appointments: false,
  receptionRequests: false,
  book: false,
  recordReceptionRequest: false,
};

export function appointmentAbilities(
  principal: Principal | null,
  status: FileStatus | undefined,
): AppointmentAbilities {
  if (!principal || !status) return NONE;
  const manage = grantFor(principal, 'appointments.manage') !== undefined;
  const requests = grantFor(principal, 'files.receptionRequest') !== undefined;
  return {
    appointments: manage,
    receptionRequests: requests,
    book: manage && status !== 'CLOSED',
    recordReceptionRequest: requests && (status === 'REGISTERED' || status === 'RENEWAL_DUE'),
  };
}
