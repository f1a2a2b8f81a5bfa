import { Injectable, signal } from '@angular/core';
import type { ReferralView } from '@passerelle/shared/domain';

/** Tells the inbox what its decline dialog (its own URL) has just answered. Provided by the route. */
@Injectable()
export class ReferralAnswers {
  readonly declined = signal<ReferralView | null>(null);
}
