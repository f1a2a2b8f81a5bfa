import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import type { CommuneView } from '@passerelle/shared/domain';
import type { ContactField, ContactForm } from './person-form';
import { errorMessage } from './validation';
import { fieldMessage, type WriteFailure } from './write-outcome';

const ALL: readonly ContactField[] = ['phone', 'email', 'line1', 'postcode', 'city', 'inseeCode'];

/** Phone, e-mail, address and commune: the creation page and the identity dialog. */
@Component({
  selector: 'bo-contact-fields',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatError, MatHint, MatInput, MatSelect, MatOption],
  templateUrl: './contact-fields.component.html',
  styleUrl: './form-fields.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactFieldsComponent {
  readonly group = input.required<ContactForm>();
  readonly failure = input<WriteFailure | null>(null);
  readonly show = input<readonly ContactField[]>(ALL);
  readonly communes = input<readonly CommuneView[]>([]);

  protected readonly shown = computed(() => new Set(this.show()));
  protected readonly errorMessage = errorMessage;

  protected apiMessage(path: string): string | null {
    return fieldMessage(this.failure(), path);
  }
}
