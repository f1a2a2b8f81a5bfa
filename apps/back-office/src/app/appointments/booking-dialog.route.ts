import { ChangeDetectionStrategy, Component, DestroyRef, inject, Injector } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { ActivatedRoute, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AgendaBookings } from './agenda-bookings';
import { BookingDialog, type Booked, type BookingDialogData } from './booking.dialog';

/**
 * `/agenda/reserver?jour=…`: the booking dialog over the agenda (ARCHITECTURE.md: dialogs have their
 * own URL). Closing it goes back to the agenda, on the week of the appointment once one is booked;
 * « Back » in the browser closes it too.
 */
@Component({
  selector: 'bo-booking-dialog-route',
  template: '',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BookingDialogRoute {
  private readonly dialog = inject(MatDialog);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly bookings = inject(AgendaBookings);
  private destroyed = false;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.dialog.closeAll();
    });
    void this.open(inject(Injector));
  }

  private async open(injector: Injector): Promise<void> {
    const query = this.route.snapshot.queryParamMap;
    const data: BookingDialogData = { date: query.get('jour') ?? undefined };
    const ref = this.dialog.open<BookingDialog, BookingDialogData, Booked>(BookingDialog, {
      injector,
      data,
      width: '40rem',
      maxWidth: '95vw',
      autoFocus: 'first-tabbable',
      restoreFocus: true,
    });
    const booked = await firstValueFrom(ref.afterClosed());
    if (this.destroyed) return;
    if (booked) this.bookings.last.set(booked);
    const semaine = booked?.date ?? query.get('semaine');
    await this.router.navigate(['/agenda'], { queryParams: semaine ? { semaine } : {} });
  }
}
