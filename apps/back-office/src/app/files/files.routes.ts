import type { Routes } from '@angular/router';
import { navItem } from '../shell/navigation';

const upcomingPage = () => import('../ui/upcoming-page.component').then((m) => m.UpcomingPage);

/** Who may open them is decided where the feature is mounted (app.routes.ts). */
export const FILES_ROUTES: Routes = [
  { path: '', title: navItem('/dossiers').label, loadComponent: upcomingPage },
  { path: ':id', title: 'Dossier', loadComponent: upcomingPage },
];
