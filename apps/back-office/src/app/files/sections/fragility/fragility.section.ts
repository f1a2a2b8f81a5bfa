import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatChip, MatChipSet } from '@angular/material/chips';
import {
  MatExpansionPanel,
  MatExpansionPanelHeader,
  MatExpansionPanelTitle,
} from '@angular/material/expansion';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  FLAG_STATUS_LABELS,
  FRAGILITY_CRITERION_LABELS,
  type FragilityFlagView,
} from '@passerelle/shared/domain';
import { catchError, map, of, switchMap } from 'rxjs';
import { AuthService, principalOf } from '../../../auth/auth.service';
import { frenchDate } from '../../file-format';
import { FileStore } from '../../file-store';
import { frenchDay } from '../evaluations/casework-format';
import { fragilityAbilities, sortedFlags } from './fragility-abilities';
import { FragilityApi } from './fragility-api.service';

interface Loaded {
  readonly key: string;
  readonly flags: FragilityFlagView[] | null;
}

/** « Fragilités »: the priority criteria suspected, confirmed or ruled out, and what to do with them. */
@Component({
  selector: 'bo-fragility-section',
  imports: [
    RouterLink,
    MatAnchor,
    MatButton,
    MatChipSet,
    MatChip,
    MatExpansionPanel,
    MatExpansionPanelHeader,
    MatExpansionPanelTitle,
    MatProgressBar,
  ],
  templateUrl: './fragility.section.html',
  styleUrl: './fragility.section.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FragilitySection {
  private readonly store = inject(FileStore);
  private readonly auth = inject(AuthService);
  private readonly api = inject(FragilityApi);

  protected readonly abilities = computed(() => {
    const user = this.auth.user();
    return fragilityAbilities(user ? principalOf(user) : null);
  });
  /** The confirmed criteria the file carries (codes: what every reader of the priority may see). */
  protected readonly priority = computed(() => this.store.file()?.priority?.criteria ?? []);
  protected readonly opened = signal(false);
  private readonly retries = signal(0);
  private readonly request = computed(() => {
    const id = this.store.file()?.id;
    if (!id || !this.opened() || !this.abilities().list) return null;
    return { id, key: `${id}:${this.store.revision()}:${this.retries()}` };
  });
  private readonly response = toSignal(
    toObservable(this.request).pipe(
      switchMap((request) =>
        request
          ? this.api.list(request.id).pipe(
              map((page): Loaded => ({ key: request.key, flags: sortedFlags(page.items) })),
              catchError(() => of<Loaded>({ key: request.key, flags: null })),
            )
          : of(null),
      ),
    ),
  );
  protected readonly loading = computed(() => {
    const request = this.request();
    return request !== null && this.response()?.key !== request.key;
  });
  protected readonly flags = computed(() => this.response()?.flags ?? null);
  protected readonly failed = computed(() => !this.loading() && !!this.response() && !this.flags());

  protected readonly criterionLabels = FRAGILITY_CRITERION_LABELS;
  protected readonly statusLabels = FLAG_STATUS_LABELS;
  protected readonly frenchDate = frenchDate;
  protected readonly frenchDay = frenchDay;

  protected retry(): void {
    this.retries.update((value) => value + 1);
  }
}
