import type { Routes } from '@angular/router';
import { navItem } from '../shell/navigation';

export const REPORTING_ROUTES: Routes = [
  {
    path: '',
    title: navItem('/pilotage').label,
    loadComponent: () => import('../ui/upcoming-page.component').then((m) => m.UpcomingPage),
  },
];
