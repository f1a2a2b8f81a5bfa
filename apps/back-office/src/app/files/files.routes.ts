import { inject } from '@angular/core';
import type { Routes } from '@angular/router';
import { AuthService } from '../auth/auth.service';
import { navItem } from '../shell/navigation';
import type { FileDialogData } from './file-dialog.route';
import { FileStore } from './file-store';
import { FRENCH_MATERIAL } from './material-fr';
import { APPOINTMENTS_DIALOG_ROUTES } from './sections/appointments/appointments.routes';
import { DOCUMENTS_DIALOG_ROUTES } from './sections/documents/documents.routes';
import { EVALUATIONS_DIALOG_ROUTES } from './sections/evaluations/evaluations.routes';
import { FRAGILITY_DIALOG_ROUTES } from './sections/fragility/fragility.routes';
import { PARTNER_EVENTS_DIALOG_ROUTES } from './sections/partner-events/partner-events.routes';
import { REFERRALS_DIALOG_ROUTES } from './sections/referrals/referrals.routes';

const dialogRoute = () => import('./file-dialog.route').then((m) => m.FileDialogRoute);

async function lifecycle(step: 'registration' | 'renewal' | 'closure'): Promise<FileDialogData> {
  const { LifecycleDialog } = await import('./lifecycle.dialog');
  return { dialog: LifecycleDialog, dialogData: step, allowed: (abilities) => abilities[step] };
}

async function identityEdit(): Promise<FileDialogData> {
  const { IdentityEditDialog } = await import('./identity-edit.dialog');
  return { dialog: IdentityEditDialog, allowed: (abilities) => abilities.update };
}

async function wishesEdit(): Promise<FileDialogData> {
  const { WishesEditDialog } = await import('./wishes-edit.dialog');
  return { dialog: WishesEditDialog, allowed: (abilities) => abilities.updateEverything };
}

async function householdEdit(): Promise<FileDialogData> {
  const { HouseholdEditDialog } = await import('./household-edit.dialog');
  return { dialog: HouseholdEditDialog, allowed: (abilities) => abilities.updateEverything };
}

async function resourcesEdit(): Promise<FileDialogData> {
  const { ResourcesEditDialog } = await import('./resources-edit.dialog');
  return { dialog: ResourcesEditDialog, allowed: (abilities) => abilities.updateEverything };
}

async function housingEdit(): Promise<FileDialogData> {
  const { HousingEditDialog } = await import('./housing-edit.dialog');
  return { dialog: HousingEditDialog, allowed: (abilities) => abilities.updateEverything };
}

/** Who may open them is decided where the feature is mounted (app.routes.ts). */
export const FILES_ROUTES: Routes = [
  {
    path: '',
    providers: [FRENCH_MATERIAL],
    children: [
      {
        path: '',
        title: navItem('/dossiers').label,
        loadComponent: () => import('./files-list.page').then((m) => m.FilesListPage),
      },
      {
        path: 'nouveau',
        title: 'Nouveau dossier',
        canMatch: [() => inject(AuthService).actions().has('files.create')],
        loadComponent: () => import('./file-create.page').then((m) => m.FileCreatePage),
      },
      {
        path: ':id',
        title: 'Dossier',
        providers: [FileStore],
        loadComponent: () => import('./file.page').then((m) => m.FilePage),
        children: [
          {
            path: 'modifier/identite',
            title: 'Modifier le dossier',
            loadComponent: dialogRoute,
            resolve: { spec: identityEdit },
          },
          {
            path: 'modifier/souhaits',
            title: 'Modifier le dossier',
            loadComponent: dialogRoute,
            resolve: { spec: wishesEdit },
          },
          {
            path: 'modifier/menage',
            title: 'Modifier le dossier',
            loadComponent: dialogRoute,
            resolve: { spec: householdEdit },
          },
          {
            path: 'modifier/ressources',
            title: 'Modifier le dossier',
            loadComponent: dialogRoute,
            resolve: { spec: resourcesEdit },
          },
          {
            path: 'modifier/logement',
            title: 'Modifier le dossier',
            loadComponent: dialogRoute,
            resolve: { spec: housingEdit },
          },
          {
            path: 'enregistrement',
            title: 'Enregistrer la demande',
            loadComponent: dialogRoute,
            resolve: { spec: () => lifecycle('registration') },
          },
          {
            path: 'renouvellement',
            title: 'Renouveler la demande',
            loadComponent: dialogRoute,
            resolve: { spec: () => lifecycle('renewal') },
          },
          {
            path: 'radiation',
            title: 'Radier la demande',
            loadComponent: dialogRoute,
            resolve: { spec: () => lifecycle('closure') },
          },
          ...EVALUATIONS_DIALOG_ROUTES,
          ...DOCUMENTS_DIALOG_ROUTES,
          ...FRAGILITY_DIALOG_ROUTES,
          ...REFERRALS_DIALOG_ROUTES,
          ...APPOINTMENTS_DIALOG_ROUTES,
          ...PARTNER_EVENTS_DIALOG_ROUTES,
        ],
      },
    ],
  },
];
