import type { ActivatedRouteSnapshot, Routes } from '@angular/router';
import type { FileDialogData } from '../../file-dialog.route';
import { documentAbilities } from './document-abilities';
import type { DocumentRejectData } from './document-reject.dialog';

const dialogRoute = () => import('../../file-dialog.route').then((m) => m.FileDialogRoute);

async function upload(): Promise<FileDialogData> {
  const { DocumentUploadDialog } = await import('./document-upload.dialog');
  return {
    dialog: DocumentUploadDialog,
    allowed: (_abilities, principal) => documentAbilities(principal).upload,
  };
}

async function reject(route: ActivatedRouteSnapshot): Promise<FileDialogData> {
  const { DocumentRejectDialog } = await import('./document-reject.dialog');
  const data: DocumentRejectData = { documentId: route.paramMap.get('documentId') ?? '' };
  return {
    dialog: DocumentRejectDialog,
    dialogData: data,
    allowed: (_abilities, principal) => documentAbilities(principal).verify,
  };
}

/** Dialog routes of this section, children of `/dossiers/:id` (each dialog has its own URL). */
export const DOCUMENTS_DIALOG_ROUTES: Routes = [
  {
    path: 'pieces/ajout',
    title: 'Ajouter une pièce justificative',
    loadComponent: dialogRoute,
    resolve: { spec: upload },
  },
  {
    path: 'pieces/:documentId/refus',
    title: 'Refuser une pièce',
    loadComponent: dialogRoute,
    resolve: { spec: reject },
  },
];
