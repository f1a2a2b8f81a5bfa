import {
  FLAG_STATUSES,
  type FlagStatus,
  type FragilityFlagView,
  grantFor,
  type Principal,
} from '@passerelle/shared/domain';

/** What the « Fragilités » section offers: the permission table (ACCESS.md), nothing more. */
export interface FragilityAbilities {
  /** The section itself: someone who may list flags (what they see follows their role). */
  readonly list: boolean;
  /** « Signaler une fragilité »: anyone who meets the applicant. */
  readonly suspect: boolean;
  /** Confirm or rule out: social workers. */
  readonly decide: boolean;
}

export function fragilityAbilities(principal: Principal | null): FragilityAbilities {
  if (!principal) return { list: false, suspect: false, decide: false };
  return {
    list: grantFor(principal, 'flags.list') !== undefined,
    suspect: grantFor(principal, 'flags.suspect') !== undefined,
    decide: grantFor(principal, 'flags.decide') !== undefined,
  };
}

/** Suspected first (what is left to decide), then confirmed, then ruled out; newest first in each. */
export function sortedFlags(flags: readonly FragilityFlagView[]): FragilityFlagView[] {
  const rank = (status: FlagStatus) => FLAG_STATUSES.indexOf(status);
  return [...flags].sort(
    (a, b) => rank(a.status) - rank(b.status) || b.suspectedAt.localeCompare(a.suspectedAt),
  );
}

/** A social worker's decision on a suspected flag. */
export type Decision = 'CONFIRMED' | 'RULED_OUT';
