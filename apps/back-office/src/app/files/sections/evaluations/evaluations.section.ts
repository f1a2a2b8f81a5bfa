import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import {
  MatExpansionPanel,
  MatExpansionPanelHeader,
  MatExpansionPanelTitle,
} from '@angular/material/expansion';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  EVALUATION_KIND_LABELS,
  type EvaluationView,
  type Page,
  TYPOLOGY_LABELS,
} from '@passerelle/shared/domain';
import { catchError, map, of, switchMap, tap } from 'rxjs';
import { AuthService, principalOf } from '../../../auth/auth.service';
import { communeNames } from '../../file-format';
import { FileStore } from '../../file-store';
import { FilesApi } from '../../files-api.service';
import { WriteFailureComponent } from '../../write-failure.component';
import { asWriteFailure, type CaseworkFailure, caseworkFailureOf } from './casework-failure';
import { frenchDay } from './casework-format';
import { evaluationAbilities, mayApplyWishes } from './evaluation-abilities';
import { EvaluationsApi } from './evaluations-api.service';

const APPLY_WORDING = {
  statuses: {
    403: "Seul l'auteur de l'évaluation peut appliquer ses recommandations, sur un dossier qu'il peut modifier.",
    404: "Cette évaluation n'existe plus ou ne vous est plus accessible.",
    409: 'Les recommandations ne peuvent pas être appliquées : rien à appliquer, ou le dossier ne peut plus être modifié.',
  },
};

interface Loaded {
  readonly key: string;
  readonly page: Page<EvaluationView> | null;
}

/** « Évaluations »: the file's evaluations, and the forms to write them (dialogs with their URL). */
@Component({
  selector: 'bo-evaluations-section',
  imports: [
    RouterLink,
    MatAnchor,
    MatButton,
    MatExpansionPanel,
    MatExpansionPanelHeader,
    MatExpansionPanelTitle,
    MatProgressBar,
    WriteFailureComponent,
  ],
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
  /** Fetched once the panel is first opened, then again whenever the file changes. */
  protected readonly opened = signal(false);
  private readonly retries = signal(0);
  private readonly request = computed(() => {
    const id = this.store.file()?.id;
    if (!id || !this.opened() || !this.abilities().read) return null;
    return { id, key: `${id}:${this.store.revision()}:${this.retries()}` };
  });
  private readonly response = toSignal(
    toObservable(this.request).pipe(
      switchMap((request) =>
        request
          ? this.api.list(request.id).pipe(
              map((page): Loaded => ({ key: request.key, page })),
              catchError(() => of<Loaded>({ key: request.key, page: null })),
            )
          : of(null),
      ),
    ),
  );
  protected readonly loading = computed(() => {
    const request = this.request();
    return request !== null && this.response()?.key !== request.key;
  });
  /** The previous list stays on screen while the next one loads. */
  protected readonly evaluations = computed(() => this.response()?.page ?? null);
  protected readonly failed = computed(() => !this.loading() && !!this.response() && !this.evaluations());

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
    this.retries.update((value) => value + 1);
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
