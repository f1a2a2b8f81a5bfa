import type { Routes } from '@angular/router';
import { navItem } from '../shell/navigation';

export const APPOINTMENTS_ROUTES: Routes = [
  {
    path: '',
    title: navItem('/agenda').label,
    loadComponent: () => import('./agenda.page').then((m) => m.AgendaPage),
  },
];
