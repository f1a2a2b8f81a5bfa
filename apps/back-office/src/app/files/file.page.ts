import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatChip, MatChipSet } from '@angular/material/chips';
import {
  MatAccordion,
  MatExpansionPanel,
  MatExpansionPanelContent,
  MatExpansionPanelHeader,
  MatExpansionPanelTitle,
} from '@angular/material/expansion';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink, RouterOutlet } from '@angular/router';
import {
  CIVILITY_LABELS,
  CLOSURE_REASON_LABELS,
  CO_APPLICANT_RELATIONSHIP_LABELS,
  FAMILY_SITUATION_LABELS,
  FILE_STATUS_LABELS,
  FRAGILITY_CRITERION_LABELS,
  HOUSEHOLD_MEMBER_KIND_LABELS,
  HOUSEHOLD_RELATIONSHIP_LABELS,
  HOUSING_STATUS_LABELS,
  HOUSING_TYPE_LABELS,
  INCOME_TYPE_LABELS,
  NATIONALITY_LABELS,
  PROFESSIONAL_SITUATION_LABELS,
  REASON_LABELS,
  TYPOLOGY_LABELS,
} from '@passerelle/shared/domain';
import { catchError, of } from 'rxjs';
import { AuthService, principalOf } from '../auth/auth.service';
import { navItem } from '../shell/navigation';
import { communeNames, frenchDate, fullName } from './file-format';
import { fileAbilities } from './file-permissions';
import { FileStore } from './file-store';
import { personRefLabel } from './resources-form';
import { FileTimelineComponent } from './file-timeline.component';
import { FilesApi } from './files-api.service';
import { DocumentsSection } from './sections/documents/documents.section';
import { EvaluationsSection } from './sections/evaluations/evaluations.section';
import { FragilitySection } from './sections/fragility/fragility.section';
import { AppointmentsSection } from './sections/appointments/appointments.section';
import { PartnerEventsSection } from './sections/partner-events/partner-events.section';
import { ReferralsSection } from './sections/referrals/referrals.section';

const EUROS = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});

@Component({
  selector: 'bo-file-page',
  imports: [
    RouterLink,
    RouterOutlet,
    MatAnchor,
    MatButton,
    MatChipSet,
    MatChip,
    MatAccordion,
    MatExpansionPanel,
    MatExpansionPanelHeader,
    MatExpansionPanelTitle,
    MatExpansionPanelContent,
    MatProgressBar,
    FileTimelineComponent,
    ReferralsSection,
    AppointmentsSection,
    PartnerEventsSection,
    EvaluationsSection,
    DocumentsSection,
    FragilitySection,
  ],
  templateUrl: './file.page.html',
  styleUrl: './file.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FilePage {
  private readonly store = inject(FileStore);
  private readonly auth = inject(AuthService);
  private readonly api = inject(FilesApi);

  /** The `:id` of the URL. */
  readonly id = input.required<string>();

  protected readonly file = this.store.file;
  protected readonly state = this.store.state;
  protected readonly revision = this.store.revision;
  protected readonly abilities = computed(() => {
    const user = this.auth.user();
    return fileAbilities(user ? principalOf(user) : null, this.file()?.status);
  });
  /** A relay clerk opens the files they referred, but has no list of files. */
  protected readonly canList = computed(() => {
    const user = this.auth.user();
    return !!user && navItem('/dossiers').visible(this.auth.actions(), user.role);
  });
  private readonly communes = toSignal(this.api.communes().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  private readonly communeNames = computed(() => communeNames(this.communes()));

  protected readonly labels = {
    status: FILE_STATUS_LABELS,
    civility: CIVILITY_LABELS,
    nationality: NATIONALITY_LABELS,
    family: FAMILY_SITUATION_LABELS,
    professional: PROFESSIONAL_SITUATION_LABELS,
    coApplicant: CO_APPLICANT_RELATIONSHIP_LABELS,
    memberKind: HOUSEHOLD_MEMBER_KIND_LABELS,
    memberRelationship: HOUSEHOLD_RELATIONSHIP_LABELS,
    housingStatus: HOUSING_STATUS_LABELS,
    housingType: HOUSING_TYPE_LABELS,
    income: INCOME_TYPE_LABELS,
    reason: REASON_LABELS,
    typology: TYPOLOGY_LABELS,
    criterion: FRAGILITY_CRITERION_LABELS,
    closure: CLOSURE_REASON_LABELS,
  };
  protected readonly frenchDate = frenchDate;
  protected readonly fullName = fullName;

  /** Sections the caller's role does not receive are absent: they are not shown at all. */
  protected readonly sections = computed(() => {
    const file = this.file();
    return {
      // A full view always has its contact part, even empty; a partial one only when it is set.
      contact: file?.contact !== undefined || file?.completeness !== undefined,
      household: !!file && (file.coApplicant !== undefined || file.householdMembers !== undefined),
      resources: file?.resources !== undefined,
      housing: file?.currentHousing !== undefined || file?.reasons !== undefined,
      wishes: file?.wishes !== undefined || file?.disabilityNeeds !== undefined,
      contactCardOnly:
        !!file &&
        file.resources === undefined &&
        file.currentHousing === undefined &&
        file.wishes === undefined &&
        file.householdMembers === undefined,
    };
  });

  protected readonly wishedCommunes = computed(() =>
    (this.file()?.wishes?.communes ?? []).map((code) => this.communeNames().get(code) ?? code).join(', '),
  );
  protected readonly homeCommune = computed(() => {
    const code = this.file()?.contact?.inseeCode;
    return code ? (this.communeNames().get(code) ?? code) : '';
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.store.load(id));
    });
  }

  protected euros(amount: number | undefined | null): string {
    return amount === undefined || amount === null ? '' : EUROS.format(amount);
  }

  protected list<T extends string>(codes: readonly T[] | undefined, labels: Record<T, string>): string {
    return (codes ?? []).map((code) => labels[code]).join(', ');
  }

  protected reload(): void {
    void this.store.reload();
  }

  /** Whom a resource belongs to (the applicant, the co-applicant, a member). */
  protected personOf(ref: string): string {
    return personRefLabel(this.file(), ref);
  }

  protected communeName(code: string): string {
    return this.communeNames().get(code) ?? code;
  }
}
