import type { Routes } from '@angular/router';
import type { EvaluationKind } from '@passerelle/shared/domain';
import type { FileDialogData } from '../../file-dialog.route';
import { evaluationAbilities } from './evaluation-abilities';

const dialogRoute = () => import('../../file-dialog.route').then((m) => m.FileDialogRoute);

async function writeEvaluation(kind: EvaluationKind): Promise<FileDialogData> {
  const { EvaluationWriteDialog } = await import('./evaluation-write.dialog');
  return {
    dialog: EvaluationWriteDialog,
    dialogData: kind,
    allowed: (_abilities, principal, file) => evaluationAbilities(principal, file?.status).write[kind],
  };
}

/** Dialog routes of this section, children of `/dossiers/:id` (each dialog has its own URL). */
export const EVALUATIONS_DIALOG_ROUTES: Routes = [
  {
    path: 'evaluations/projet-logement',
    title: 'Évaluation du projet logement',
    loadComponent: dialogRoute,
    resolve: { spec: () => writeEvaluation('HOUSING_PROJECT') },
  },
  {
    path: 'evaluations/sociale',
    title: 'Évaluation sociale',
    loadComponent: dialogRoute,
    resolve: { spec: () => writeEvaluation('SOCIAL') },
  },
];
