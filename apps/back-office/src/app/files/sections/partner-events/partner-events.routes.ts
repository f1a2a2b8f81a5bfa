import type { Routes } from '@angular/router';
import { PARTNER_EVENT_TYPES, type PartnerEventType } from '@passerelle/shared/domain';
import type { FileDialogData } from '../../file-dialog.route';
import { PARTNER_EVENT_PATHS, recordablePartnerEvents } from './partner-event-abilities';
import { PARTNER_EVENT_FORMS } from './partner-event-form';

const dialogRoute = () => import('../../file-dialog.route').then((m) => m.FileDialogRoute);

async function partnerEvent(type: PartnerEventType): Promise<FileDialogData> {
  const { PartnerEventDialog } = await import('./partner-event.dialog');
  return {
    dialog: PartnerEventDialog,
    dialogData: type,
    allowed: (_abilities, principal, file) => recordablePartnerEvents(principal, file?.status).includes(type),
  };
}

/** Dialog routes of this section, children of `/dossiers/:id` (each dialog has its own URL). */
export const PARTNER_EVENTS_DIALOG_ROUTES: Routes = PARTNER_EVENT_TYPES.map((type) => ({
  path: `suivi/${PARTNER_EVENT_PATHS[type]}`,
  title: PARTNER_EVENT_FORMS[type].title,
  loadComponent: dialogRoute,
  resolve: { spec: () => partnerEvent(type) },
}));
