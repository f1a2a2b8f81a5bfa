import {
  type EvaluationKind,
  type EvaluationView,
  type FileStatus,
  grantFor,
  type Principal,
} from '@passerelle/shared/domain';
import { fileAbilities } from '../../file-permissions';

/** What the « Évaluations » section offers: the permission table (ACCESS.md), nothing more. */
export interface EvaluationAbilities {
  readonly read: boolean;
  readonly write: Readonly<Record<EvaluationKind, boolean>>;
  /** The file may be changed by this user (applying recommended wishes is a change of the file). */
  readonly updateFile: boolean;
}

export function evaluationAbilities(
  principal: Principal | null,
  status: FileStatus | undefined,
): EvaluationAbilities {
  if (!principal || !status) {
    return { read: false, write: { HOUSING_PROJECT: false, SOCIAL: false }, updateFile: false };
  }
  return {
    read: grantFor(principal, 'evaluations.housingProject.read') !== undefined,
    write: {
      HOUSING_PROJECT: grantFor(principal, 'evaluations.housingProject.write') !== undefined,
      SOCIAL: grantFor(principal, 'evaluations.social') !== undefined,
    },
    updateFile: fileAbilities(principal, status).updateEverything,
  };
}

/** Does the evaluation recommend anything the file's wishes can take? */
export function recommendsWishes(evaluation: EvaluationView): boolean {
  return (
    (evaluation.diagnosis?.typologies?.length ?? 0) > 0 || (evaluation.diagnosis?.communes?.length ?? 0) > 0
  );
}

/** Only its author applies an evaluation's recommendations, once, to a file they may change. */
export function mayApplyWishes(
  evaluation: EvaluationView,
  userId: string | undefined,
  abilities: EvaluationAbilities,
): boolean {
  return (
    abilities.updateFile &&
    evaluation.author.userId === userId &&
    !evaluation.appliedAt &&
    recommendsWishes(evaluation)
  );
}
