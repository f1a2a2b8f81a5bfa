import type { FileStatus, Grant, Principal } from '@passerelle/shared/domain';
import { grantFor } from '@passerelle/shared/domain';

function allowsStatus(grant: Grant | undefined, status: FileStatus): boolean {
  return grant !== undefined && (!grant.whileStatus || grant.whileStatus.includes(status));
}

export type LifecycleStep = 'registration' | 'renewal' | 'closure';

/** Which transition the rules allow from a status (DOMAIN.md §4). */
const FROM: Record<LifecycleStep, readonly FileStatus[]> = {
  registration: ['CONTACT'],
  renewal: ['REGISTERED', 'RENEWAL_DUE'],
  closure: ['CONTACT', 'REGISTERED', 'RENEWAL_DUE'],
};

/** What the page offers on a file: only what the permission table and the file's status allow. */
export interface FileAbilities {
  readonly update: boolean;
  /** A relay clerk writes identity and contact only. */
  readonly updateEverything: boolean;
  readonly registration: boolean;
  readonly renewal: boolean;
  readonly closure: boolean;
  readonly timeline: boolean;
}

export function fileAbilities(principal: Principal | null, status: FileStatus | undefined): FileAbilities {
  if (!principal || !status) {
    return {
      update: false,
      updateEverything: false,
      registration: false,
      renewal: false,
      closure: false,
      timeline: false,
    };
  }
  const update = grantFor(principal, 'files.update');
  const lifecycle = grantFor(principal, 'files.lifecycle');
  const canUpdate = allowsStatus(update, status) && status !== 'CLOSED';
  const step = (name: LifecycleStep) => allowsStatus(lifecycle, status) && FROM[name].includes(status);
  return {
    update: canUpdate,
    updateEverything: canUpdate && !update?.writableFields,
    registration: step('registration'),
    renewal: step('renewal'),
    closure: step('closure'),
    timeline: grantFor(principal, 'timeline.read') !== undefined,
  };
}
