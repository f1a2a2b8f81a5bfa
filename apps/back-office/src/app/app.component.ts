import { ChangeDetectionStrategy, Component, DOCUMENT, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';

@Component({
  selector: 'bo-root',
  imports: [RouterOutlet],
  template: `
    <a class="skip-link" href="#contenu" (click)="skipToContent($event)">Aller au contenu</a>
    <router-outlet />
  `,
  styles: `
    .skip-link {
      position: absolute;
      top: 0.5rem;
      left: 0.5rem;
      z-index: 1000;
      padding: 0.75rem 1rem;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      font: var(--mat-sys-label-large);
      transform: translateY(-200%);
    }

    .skip-link:focus {
      transform: none;
      outline: 3px solid var(--mat-sys-on-surface);
      outline-offset: 2px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppComponent {
  private readonly document = inject(DOCUMENT);

  /** Moves focus itself: a bare `#contenu` would go through the router and leave focus behind. */
  protected skipToContent(event: Event): void {
    event.preventDefault();
    const main = this.document.getElementById('contenu');
    main?.focus();
    main?.scrollIntoView();
  }
}
