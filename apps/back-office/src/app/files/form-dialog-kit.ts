import { ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';

/** What every form dialog of the file page uses: a component lists this, then its own extras. */
export const FORM_DIALOG_KIT = [
  ReactiveFormsModule,
  MatDialogTitle,
  MatDialogContent,
  MatDialogActions,
  MatDialogClose,
  MatButton,
  MatFormField,
  MatLabel,
  MatError,
  MatHint,
  MatInput,
  MatSelect,
  MatOption,
] as const;
