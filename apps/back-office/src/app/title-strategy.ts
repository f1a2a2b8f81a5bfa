import { inject, Injectable } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';

export const APP_NAME = 'Passerelle';

/** « Dossiers — Passerelle »: the screen first, for tabs and screen readers. */
@Injectable()
export class PasserelleTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const screen = this.buildTitle(snapshot);
    this.title.setTitle(screen ? `${screen} — ${APP_NAME}` : APP_NAME);
  }
}
