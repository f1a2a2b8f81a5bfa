import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { ReferralView } from '@passerelle/shared/domain';
import { catchError, firstValueFrom, map, of } from 'rxjs';
import { apiErrorMessage } from '../../ui/api-error';
import { referralDestinations } from '../referral-destinations';
import { ReferralFieldsComponent } from '../referral-fields.component';
import { referralContent, referralForm } from '../referral-form';
import { ReferralsService } from '../referrals.service';
import { birthDateValidator, notBlank, phoneValidator } from './new-referral.form';

/** The relay clerk's main task: note who came, and send them to who can help. */
@Component({
  selector: 'bo-new-referral-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    ReferralFieldsComponent,
    MatButton,
    MatAnchor,
    MatProgressBar,
  ],
  templateUrl: './new-referral.page.html',
  styleUrl: './new-referral.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewReferralPage {
  private readonly referrals = inject(ReferralsService);
  private readonly formBuilder = inject(NonNullableFormBuilder);

  protected readonly destinations = referralDestinations();
  protected readonly communes = toSignal(
    this.referrals.communes().pipe(
      map((communes) => [...communes].sort((a, b) => a.name.localeCompare(b.name, 'fr'))),
      catchError(() => of([])),
    ),
    { initialValue: [] },
  );

  protected readonly form = this.formBuilder.group({
    lastName: ['', [Validators.required, notBlank, Validators.maxLength(100)]],
    firstNames: ['', [Validators.required, notBlank, Validators.maxLength(100)]],
    birthDate: ['', [Validators.required, birthDateValidator()]],
    phone: ['', phoneValidator],
    inseeCode: [''],
    referral: referralForm(this.formBuilder),
  });

  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly sent = signal<ReferralView | null>(null);
  /** The file already created when only the referral failed: a retry does not create a second one. */
  private createdFileId: string | null = null;
  private readonly confirmation = viewChild<ElementRef<HTMLElement>>('confirmation');

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.error.set('Le formulaire contient des erreurs : corrigez les champs signalés.');
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    const value = this.form.getRawValue();
    try {
      if (!this.createdFileId) {
        const phone = value.phone.trim();
        const file = await firstValueFrom(
          this.referrals.createFile({
            applicant: {
              lastName: value.lastName.trim(),
              firstNames: value.firstNames.trim(),
              birthDate: value.birthDate,
              ...(phone ? { phone } : {}),
            },
            ...(phone || value.inseeCode
              ? {
                  contact: {
                    ...(phone ? { phone } : {}),
                    ...(value.inseeCode ? { inseeCode: value.inseeCode } : {}),
                  },
                }
              : {}),
          }),
        );
        this.createdFileId = file.id;
      }
      const referral = await firstValueFrom(
        this.referrals.create({ applicantFileId: this.createdFileId, ...referralContent(value.referral) }),
      );
      this.sent.set(referral);
      this.createdFileId = null;
      this.form.reset();
      setTimeout(() => this.confirmation()?.nativeElement.focus());
    } catch (error: unknown) {
      this.error.set(apiErrorMessage(error, 'L’envoi de l’orientation'));
    } finally {
      this.pending.set(false);
    }
  }

  protected another(): void {
    this.sent.set(null);
    this.error.set(null);
  }
}
