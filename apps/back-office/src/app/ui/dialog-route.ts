import { ChangeDetectionStrategy, Component, DestroyRef, inject, Injector, type Type } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { ActivatedRoute, Router, type UrlTree } from '@angular/router';
import { firstValueFrom } from 'rxjs';

/** Which dialog a route opens, with what. */
export interface RoutedDialog {
  readonly dialog: Type<unknown>;
  /** Given to the dialog as `MAT_DIALOG_DATA`. */
  readonly data?: unknown;
  /** 36rem unless said. */
  readonly width?: string;
}

/** What a `DialogRoute` resolves as its `spec`. */
export interface DialogRouteSpec<R = unknown> extends RoutedDialog {
  /**
   * Once the dialog is closed (not when its route was left first): hands the dialog's answer to the
   * page, if it needs it, and says where to go back to.
   */
  readonly closed: (result: R | undefined) => UrlTree;
}

/** How the dialog closed: with its answer, or `null` when its route was left first. */
export type DialogClosing<R> = { readonly result: R | undefined } | null;

/**
 * The dialogs of the calling route component, opened over its page with its injector (so that they
 * reach what the page provides). Leaving the route, « Back » in the browser included, closes them.
 * Call in an injection context.
 */
export function routeDialogs(): {
  readonly left: () => boolean;
  readonly open: <R>(opening: RoutedDialog) => Promise<DialogClosing<R>>;
} {
  const dialog = inject(MatDialog);
  const injector = inject(Injector);
  let left = false;
  inject(DestroyRef).onDestroy(() => {
    left = true;
    dialog.closeAll();
  });
  return {
    left: () => left,
    open: async <R>(opening: RoutedDialog): Promise<DialogClosing<R>> => {
      if (left) return null;
      const ref = dialog.open<unknown, unknown, R>(opening.dialog, {
        injector,
        data: opening.data,
        width: opening.width ?? '36rem',
        maxWidth: '95vw',
        autoFocus: 'first-tabbable',
        restoreFocus: true,
      });
      const result = await firstValueFrom(ref.afterClosed());
      return left ? null : { result };
    },
  };
}

/**
 * A dialog with its own URL (ARCHITECTURE.md): the route opens it over its parent's page, and closing
 * it goes back where its `spec` says. « Back » in the browser closes it too.
 */
@Component({
  selector: 'bo-dialog-route',
  template: '',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DialogRoute {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly dialogs = routeDialogs();

  constructor() {
    void this.open();
  }

  private async open(): Promise<void> {
    const spec = this.route.snapshot.data['spec'] as DialogRouteSpec;
    const closing = await this.dialogs.open(spec);
    if (closing) await this.router.navigateByUrl(spec.closed(closing.result));
  }
}
