import type { Routes } from '@angular/router';

/** Dialog routes of this section, children of `/dossiers/:id` (each dialog has its own URL). */
export const EVALUATIONS_DIALOG_ROUTES: Routes = [];
