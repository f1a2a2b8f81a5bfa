import { ChangeDetectionStrategy, Component, DestroyRef, inject, Injector } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { ReferralView } from '@passerelle/shared/domain';
import { ActivatedRoute, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { DeclineReferralDialog, type DeclineReferralData } from './decline-referral.dialog';
import { ReferralAnswers } from './referral-answers';

/**
 * `/orientations/recues/:id/refus`: the decline dialog over the inbox (dialogs have their own URL).
 * Closing it goes back to the inbox; « Back » in the browser closes it too.
 */
@Component({
  selector: 'bo-decline-referral-route',
  template: '',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeclineReferralRoute {
  private readonly dialog = inject(MatDialog);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly answers = inject(ReferralAnswers);
  private destroyed = false;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.dialog.closeAll();
    });
    void this.open(inject(Injector));
  }

  private async open(injector: Injector): Promise<void> {
    const id = this.route.snapshot.paramMap.get('id') ?? '';
    const ref = this.dialog.open<DeclineReferralDialog, DeclineReferralData, ReferralView>(
      DeclineReferralDialog,
      {
        injector,
        data: { id },
        width: '36rem',
        maxWidth: '95vw',
        autoFocus: 'first-tabbable',
        restoreFocus: true,
      },
    );
    const declined = await firstValueFrom(ref.afterClosed());
    if (this.destroyed) return;
    if (declined) this.answers.declined.set(declined);
    await this.router.navigate(['/orientations/recues']);
  }
}
