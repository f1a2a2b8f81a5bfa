import { signal } from '@angular/core';
import type { AbstractControl } from '@angular/forms';

export const FORM_HAS_ERRORS = 'Le formulaire contient des erreurs : corrigez les champs signalés.';

/**
 * A form that opens inside a list screen (« Créer un compte », « Ajouter une organisation »): it takes
 * the focus when it opens, gives it back to its opener when it closes, and sends once at a time.
 */
export class InlineForm {
  readonly opened = signal(false);
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);

  constructor(
    private readonly form: AbstractControl,
    private readonly focus: { readonly firstField: string; readonly opener: string },
  ) {}

  open(): void {
    this.opened.set(true);
    this.error.set(null);
    this.form.reset();
    focusLater(this.focus.firstField);
  }

  close(): void {
    this.opened.set(false);
    focusLater(this.focus.opener);
  }

  /**
   * Refuses an invalid form with its fields marked; otherwise sends, closes on success, and on failure
   * keeps what the user typed with the reason `failure` gives.
   */
  async submit(send: () => Promise<void>, failure: (error: unknown) => string): Promise<void> {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.error.set(FORM_HAS_ERRORS);
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      await send();
      this.opened.set(false);
    } catch (error: unknown) {
      this.error.set(failure(error));
    } finally {
      this.busy.set(false);
    }
  }
}

/** After the next render: the element may only appear then. */
export function focusLater(id: string): void {
  setTimeout(() => document.getElementById(id)?.focus());
}
