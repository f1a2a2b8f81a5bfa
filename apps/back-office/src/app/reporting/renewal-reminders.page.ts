import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  CIVILITY_LABELS,
  DEFAULT_PAGE_SIZE,
  FILE_STATUS_LABELS,
  frenchLongDate,
  type RenewalReminderItem,
} from '@passerelle/shared/domain';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { PagerComponent } from '../ui/pager.component';
import { ReportingApi } from './reporting-api.service';

/** Who to remind that their demand falls due within a month, what to tell them; Passerelle sends nothing. */
@Component({
  selector: 'bo-renewal-reminders-page',
  imports: [RouterLink, MatButton, MatProgressBar, PagerComponent],
  templateUrl: './renewal-reminders.page.html',
  styleUrl: './renewal-reminders.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RenewalRemindersPage {
  private readonly api = inject(ReportingApi);
  private readonly actions = inject(AuthService).actions;

  protected readonly statusLabels = FILE_STATUS_LABELS;
  protected readonly longDate = frenchLongDate;
  protected readonly pageSize = DEFAULT_PAGE_SIZE;
  /** Recording a reminder is for those who meet applicants (the API enforces it). */
  protected readonly canMark = computed(() => this.actions().has('files.informationNotice'));
  protected readonly canOpenFiles = computed(() => this.actions().has('files.read'));

  protected readonly page = signal(1);
  private readonly reload = signal(0);
  protected readonly list = rxResource({
    params: () => ({ page: this.page(), reload: this.reload() }),
    stream: ({ params }) => this.api.renewalReminders(params.page, this.pageSize),
  });

  protected readonly pending = signal<string | null>(null);
  protected readonly outcome = signal<{ ok: boolean; text: string } | null>(null);

  protected nameOf(item: RenewalReminderItem): string {
    const { civility, lastName, usageName, firstNames } = item.applicant;
    const name = usageName ? `${usageName} (${lastName})` : lastName;
    return [civility ? CIVILITY_LABELS[civility] : '', name, firstNames].filter(Boolean).join(' ');
  }

  protected addressOf(item: RenewalReminderItem): string {
    const address = item.contact?.address;
    if (!address) return '';
    return [address.line1, address.line2, [address.postcode, address.city].filter(Boolean).join(' ')]
      .filter(Boolean)
      .join(', ');
  }

  protected async markReminded(item: RenewalReminderItem): Promise<void> {
    const name = this.nameOf(item);
    this.pending.set(item.applicantFileId);
    this.outcome.set(null);
    try {
      const reminder = await firstValueFrom(this.api.markReminded(item.applicantFileId));
      this.outcome.set({
        ok: true,
        text: `${name} est noté(e) comme relancé(e) le ${frenchLongDate(reminder.remindedOn)} pour l’échéance du ${frenchLongDate(reminder.renewalDueOn)}.`,
      });
      this.reload.update((n) => n + 1);
    } catch (error) {
      const conflict = error instanceof HttpErrorResponse && error.status === 409;
      this.outcome.set({
        ok: false,
        text: conflict
          ? `${name} a déjà été relancé(e) pour cette échéance, ou la demande n’est plus à renouveler. La liste est mise à jour.`
          : `La relance de ${name} n’a pas pu être enregistrée. Réessayez dans quelques instants.`,
      });
      if (conflict) this.reload.update((n) => n + 1);
    } finally {
      this.pending.set(null);
    }
  }
}
