import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatOptgroup, MatOption } from '@angular/material/core';
import {
  MatError,
  MatFormField,
  type MatFormFieldAppearance,
  MatHint,
  MatLabel,
} from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { FRAGILITY_CRITERIA, FRAGILITY_CRITERION_LABELS } from '@passerelle/shared/domain';
import type { DestinationGroup } from './referral-destinations';
import { REFERRAL_FIELDS, type ReferralField, type ReferralForm } from './referral-form';

/**
 * The fields of a referral, shared by the new-referral page and the file's « Orienter » dialog. Its
 * fields sit in the parent's layout (`display: contents`); `wide` ones span a grid's row.
 */
@Component({
  selector: 'bo-referral-fields',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatOptgroup,
  ],
  templateUrl: './referral-fields.component.html',
  styles: `
    :host {
      display: contents;
    }
    .wide {
      grid-column: 1 / -1;
    }
    mat-form-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralFieldsComponent {
  readonly group = input.required<ReferralForm>();
  readonly destinations = input.required<readonly DestinationGroup[]>();
  /** The fields to show, the others stay as they are. */
  readonly show = input<readonly ReferralField[]>(REFERRAL_FIELDS);
  readonly appearance = input<MatFormFieldAppearance>('fill');

  protected readonly shown = computed(() => new Set(this.show()));
  protected readonly criteria = FRAGILITY_CRITERIA;
  protected readonly criterionLabels = FRAGILITY_CRITERION_LABELS;
}
