import { ChangeDetectionStrategy, Component, inject, Injector, type Type } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { filter, firstValueFrom } from 'rxjs';
import type { ApplicantFileView, Principal } from '@passerelle/shared/domain';
import { AuthService, principalOf } from '../auth/auth.service';
import { routeDialogs } from '../ui/dialog-route';
import { type FileAbilities, fileAbilities } from './file-permissions';
import { FileStore } from './file-store';

/** What a dialog route resolves as its `spec`. */
export interface FileDialogData {
  readonly dialog: Type<unknown>;
  /** The page offers the dialog only when this holds; a typed URL is refused the same way. */
  readonly allowed: (
    abilities: FileAbilities,
    principal: Principal | null,
    file: ApplicantFileView | null,
  ) => boolean;
  /** Given to the dialog as `MAT_DIALOG_DATA`. */
  readonly dialogData?: unknown;
}

/**
 * A dialog with its own URL (ARCHITECTURE.md) over the file page, as `DialogRoute` but offered only
 * once the file is loaded and the user may: closing it goes back to the page. « Back » in the browser
 * closes it too.
 */
@Component({
  selector: 'bo-file-dialog-route',
  template: '',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FileDialogRoute {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly store = inject(FileStore);
  private readonly auth = inject(AuthService);
  private readonly injector = inject(Injector);
  private readonly dialogs = routeDialogs();

  constructor() {
    void this.open();
  }

  private async open(): Promise<void> {
    const data = this.route.snapshot.data['spec'] as FileDialogData;
    await firstValueFrom(
      toObservable(this.store.state, { injector: this.injector }).pipe(filter((s) => s !== 'loading')),
    );
    const user = this.auth.user();
    const principal = user ? principalOf(user) : null;
    const file = this.store.file();
    const abilities = fileAbilities(principal, file?.status);
    if (this.dialogs.left()) return;
    if (this.store.state() !== 'loaded' || !data.allowed(abilities, principal, file)) {
      await this.back();
      return;
    }
    const closing = await this.dialogs.open({ dialog: data.dialog, data: data.dialogData });
    if (closing) await this.back();
  }

  private back(): Promise<boolean> {
    const id = this.store.file()?.id ?? this.route.parent?.snapshot.paramMap.get('id');
    return this.router.navigate(id ? ['/dossiers', id] : ['/dossiers']);
  }
}
