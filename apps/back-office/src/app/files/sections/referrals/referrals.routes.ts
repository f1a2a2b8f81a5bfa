import type { Routes } from '@angular/router';
import type { FileDialogData } from '../../file-dialog.route';
import { referralAbilities } from './referral-abilities';

const dialogRoute = () => import('../../file-dialog.route').then((m) => m.FileDialogRoute);

async function referralCreate(): Promise<FileDialogData> {
  const { ReferralCreateDialog } = await import('./referral-create.dialog');
  return {
    dialog: ReferralCreateDialog,
    allowed: (_abilities, principal, file) => referralAbilities(principal, file?.status).create,
  };
}

/** Dialog routes of this section, children of `/dossiers/:id` (each dialog has its own URL). */
export const REFERRALS_DIALOG_ROUTES: Routes = [
  {
    path: 'orienter',
    title: 'Orienter la personne',
    loadComponent: dialogRoute,
    resolve: { spec: referralCreate },
  },
];
