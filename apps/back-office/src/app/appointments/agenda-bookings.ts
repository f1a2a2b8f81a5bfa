import { Injectable, signal } from '@angular/core';
import type { Booked } from './booking.dialog';

/** Tells the agenda what its booking dialog (its own URL) has just booked. Provided by the route. */
@Injectable()
export class AgendaBookings {
  readonly last = signal<Booked | null>(null);
}
