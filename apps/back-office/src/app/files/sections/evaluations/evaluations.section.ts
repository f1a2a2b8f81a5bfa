import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { EVALUATION_KIND_LABELS, type EvaluationView, TYPOLOGY_LABELS } from '@passerelle/shared/domain';
import { catchError, of, tap } from 'rxjs';
import { AuthService, principalOf } from '../../../auth/auth.service';
import { communeNames } from '../../file-format';
import { FileStore } from '../../file-store';
import { FilesApi } from '../../files-api.service';
import { WriteFailureComponent } from '../../write-failure.component';
import { asWriteFailure, type CaseworkFailure, caseworkFailureOf } from '../shared/casework-failure';
import { frenchDay } from '../shared/casework-format';
import { SECTION_KIT } from '../shared/section-kit';
import { loadWhenOpened } from '../shared/section-load';
import { evaluationAbilities, mayApplyWishes } from './evaluation-abilities';
import { EvaluationsApi } from './evaluations-api.service';

const APPLY_WORDING = {
  statuses: {
    403: "Seul l'auteur de l'évaluation peut appliquer ses recommandations, sur un dossier qu'il peut modifier.",
    404: "Cette évaluation n'existe plus ou ne vous est plus accessible.",
    409: 'Les recommandations ne peuvent pas être appliquées : rien à appliquer, ou le dossier ne peut plus être modifié.',
  },
};

/** « Évaluations »: the file's evaluations, and the forms to write them (dialogs with their URL). */
@Component({
  selector: 'bo-evaluations-section',
  imports: [SECTION_KIT, WriteFailureComponent],
  templateUrl: './evaluations.section.html',
  styleUrl: './evaluations.section.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvaluationsSection {
  private readonly store = inject(FileStore);
  private readonly auth = inject(AuthService);
  private readonly api = inject(EvaluationsApi);
  private readonly files = inject(FilesApi);

  protected readonly abilities = computed(() => {
    const user = this.auth.user();
    return evaluationAbilities(user ? principalOf(user) : null, this.store.file()?.status);
  });
  protected readonly canWrite = computed(
    () => this.abilities().write.HOUSING_PROJECT || this.abilities().write.SOCIAL,
  );
  private readonly list = loadWhenOpened(
    () => this.abilities().read,
    (fileId) => this.api.list(fileId),
  );
  protected readonly opened = this.list.opened;
  protected readonly loading = this.list.loading;
  protected readonly evaluations = this.list.value;
  protected readonly failed = this.list.failed;

  private readonly communes = toSignal(this.files.communes().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  private readonly communeNames = computed(() => communeNames(this.communes()));

  protected readonly kindLabels = EVALUATION_KIND_LABELS;
  protected readonly frenchDay = frenchDay;
  protected readonly applying = signal<string | null>(null);
  protected readonly applyFailure = signal<{ id: string; failure: CaseworkFailure } | null>(null);
  protected readonly applied = signal<string | null>(null);
  protected readonly asWriteFailure = asWriteFailure;

  protected mayApply(evaluation: EvaluationView): boolean {
    return mayApplyWishes(evaluation, this.auth.user()?.id, this.abilities());
  }

  protected typologies(evaluation: EvaluationView): string {
    return (evaluation.diagnosis?.typologies ?? []).map((code) => TYPOLOGY_LABELS[code]).join(', ');
  }

  protected communesOf(evaluation: EvaluationView): string {
    const names = this.communeNames();
    return (evaluation.diagnosis?.communes ?? []).map((code) => names.get(code) ?? code).join(', ');
  }

  protected retry(): void {
    this.list.retry();
  }

  protected async apply(evaluation: EvaluationView): Promise<void> {
    if (this.applying()) return;
    this.applying.set(evaluation.id);
    this.applyFailure.set(null);
    this.applied.set(null);
    let error: unknown = null;
    const failure = await this.store.write((_id, etag) =>
      this.api.applyWishes(evaluation.id, etag).pipe(tap({ error: (caught: unknown) => (error = caught) })),
    );
    this.applying.set(null);
    if (failure) {
      this.applyFailure.set({ id: evaluation.id, failure: caseworkFailureOf(error, APPLY_WORDING) });
    } else {
      this.applied.set(evaluation.id);
    }
  }

  protected async reloadFile(): Promise<void> {
    this.applyFailure.set(null);
    await this.store.reload();
  }
}
