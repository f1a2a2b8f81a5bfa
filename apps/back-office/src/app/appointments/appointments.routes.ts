import type { Routes } from '@angular/router';
import { navItem } from '../shell/navigation';
import { AgendaBookings } from './agenda-bookings';

export const APPOINTMENTS_ROUTES: Routes = [
  {
    path: '',
    title: navItem('/agenda').label,
    providers: [AgendaBookings],
    loadComponent: () => import('./agenda.page').then((m) => m.AgendaPage),
    children: [
      {
        path: 'reserver',
        title: 'Prendre un rendez-vous',
        loadComponent: () => import('./booking-dialog.route').then((m) => m.BookingDialogRoute),
      },
    ],
  },
];
