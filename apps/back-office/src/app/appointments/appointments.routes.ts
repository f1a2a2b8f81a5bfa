import type { Routes } from '@angular/router';
import { navItem } from '../shell/navigation';

export const APPOINTMENTS_ROUTES: Routes = [
  {
    path: '',
    title: navItem('/agenda').label,
    loadComponent: () => import('../ui/upcoming-page.component').then((m) => m.UpcomingPage),
  },
];
