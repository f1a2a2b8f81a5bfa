import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatChip, MatChipSet } from '@angular/material/chips';
import { FLAG_STATUS_LABELS, FRAGILITY_CRITERION_LABELS } from '@passerelle/shared/domain';
import { map } from 'rxjs';
import { AuthService, principalOf } from '../../../auth/auth.service';
import { frenchDate } from '../../file-format';
import { FileStore } from '../../file-store';
import { frenchDay } from '../shared/casework-format';
import { SECTION_KIT } from '../shared/section-kit';
import { loadWhenOpened } from '../shared/section-load';
import { fragilityAbilities, sortedFlags } from './fragility-abilities';
import { FragilityApi } from './fragility-api.service';

/** « Fragilités »: the priority criteria suspected, confirmed or ruled out, and what to do with them. */
@Component({
  selector: 'bo-fragility-section',
  imports: [SECTION_KIT, MatChipSet, MatChip],
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
  private readonly list = loadWhenOpened(
    () => this.abilities().list,
    (fileId) => this.api.list(fileId).pipe(map((page) => sortedFlags(page.items))),
  );
  protected readonly opened = this.list.opened;
  protected readonly loading = this.list.loading;
  protected readonly flags = this.list.value;
  protected readonly failed = this.list.failed;

  protected readonly criterionLabels = FRAGILITY_CRITERION_LABELS;
  protected readonly statusLabels = FLAG_STATUS_LABELS;
  protected readonly frenchDate = frenchDate;
  protected readonly frenchDay = frenchDay;

  protected retry(): void {
    this.list.retry();
  }
}
