import type { Routes } from '@angular/router';
import type { FileDialogData } from '../../file-dialog.route';
import { appointmentAbilities } from './appointment-abilities';

const dialogRoute = () => import('../../file-dialog.route').then((m) => m.FileDialogRoute);

/** The agenda's booking dialog: opened over the file, the applicant is the file's. */
async function booking(): Promise<FileDialogData> {
  const { BookingDialog } = await import('../../../appointments/booking.dialog');
  return {
    dialog: BookingDialog,
    allowed: (_abilities, principal, file) => appointmentAbilities(principal, file?.status).book,
  };
}

async function receptionRequest(): Promise<FileDialogData> {
  const { ReceptionRequestDialog } = await import('./reception-request.dialog');
  return {
    dialog: ReceptionRequestDialog,
    allowed: (_abilities, principal, file) =>
      appointmentAbilities(principal, file?.status).recordReceptionRequest,
  };
}

/** Dialog routes of this section, children of `/dossiers/:id` (each dialog has its own URL). */
export const APPOINTMENTS_DIALOG_ROUTES: Routes = [
  {
    path: 'rendez-vous/nouveau',
    title: 'Prendre rendez-vous',
    loadComponent: dialogRoute,
    resolve: { spec: booking },
  },
  {
    path: 'rendez-vous/demande',
    title: 'Enregistrer une demande de rendez-vous',
    loadComponent: dialogRoute,
    resolve: { spec: receptionRequest },
  },
];
