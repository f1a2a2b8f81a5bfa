import { inject } from '@angular/core';
import { type ActivatedRouteSnapshot, Router, type Routes } from '@angular/router';
import { navItem } from '../shell/navigation';
import type { DialogRouteSpec } from '../ui/dialog-route';
import { AgendaBookings } from './agenda-bookings';
import type { Booked, BookingDialogData } from './booking.dialog';

/**
 * `/agenda/reserver?jour=…`: the booking dialog over the agenda. Closing it goes back to the agenda,
 * on the week of the appointment once one is booked.
 */
async function booking(route: ActivatedRouteSnapshot): Promise<DialogRouteSpec<Booked>> {
  const bookings = inject(AgendaBookings);
  const router = inject(Router);
  const { BookingDialog } = await import('./booking.dialog');
  const data: BookingDialogData = { date: route.queryParamMap.get('jour') ?? undefined };
  return {
    dialog: BookingDialog,
    data,
    width: '40rem',
    closed: (booked) => {
      if (booked) bookings.last.set(booked);
      const semaine = booked?.date ?? route.queryParamMap.get('semaine');
      return router.createUrlTree(['/agenda'], { queryParams: semaine ? { semaine } : {} });
    },
  };
}

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
        loadComponent: () => import('../ui/dialog-route').then((m) => m.DialogRoute),
        resolve: { spec: booking },
      },
    ],
  },
];
