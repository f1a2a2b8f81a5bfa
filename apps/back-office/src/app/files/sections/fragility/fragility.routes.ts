import type { ActivatedRouteSnapshot, Routes } from '@angular/router';
import type { FileDialogData } from '../../file-dialog.route';
import { type Decision, fragilityAbilities } from './fragility-abilities';

const dialogRoute = () => import('../../file-dialog.route').then((m) => m.FileDialogRoute);

async function suspect(): Promise<FileDialogData> {
  const { FlagSuspectDialog } = await import('./flag-suspect.dialog');
  return {
    dialog: FlagSuspectDialog,
    allowed: (_abilities, principal) => fragilityAbilities(principal).suspect,
  };
}

/** What the decision dialog receives. */
export interface FlagDecisionData {
  readonly flagId: string;
  readonly status: Decision;
}

async function decide(route: ActivatedRouteSnapshot, status: Decision): Promise<FileDialogData> {
  const { FlagDecideDialog } = await import('./flag-decide.dialog');
  const data: FlagDecisionData = { flagId: route.paramMap.get('flagId') ?? '', status };
  return {
    dialog: FlagDecideDialog,
    dialogData: data,
    allowed: (_abilities, principal) => fragilityAbilities(principal).decide,
  };
}

/** Dialog routes of this section, children of `/dossiers/:id` (each dialog has its own URL). */
export const FRAGILITY_DIALOG_ROUTES: Routes = [
  {
    path: 'fragilites/signalement',
    title: 'Signaler une fragilité',
    loadComponent: dialogRoute,
    resolve: { spec: suspect },
  },
  {
    path: 'fragilites/:flagId/confirmer',
    title: 'Confirmer une fragilité',
    loadComponent: dialogRoute,
    resolve: { spec: (route: ActivatedRouteSnapshot) => decide(route, 'CONFIRMED') },
  },
  {
    path: 'fragilites/:flagId/ecarter',
    title: 'Écarter une fragilité',
    loadComponent: dialogRoute,
    resolve: { spec: (route: ActivatedRouteSnapshot) => decide(route, 'RULED_OUT') },
  },
];
