import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import { IconComponent } from './icon.component';

/** A screen of the navigation that is not built yet: its title and an honest empty state. */
@Component({
  selector: 'bo-upcoming-page',
  imports: [IconComponent],
  template: `
    <h1>{{ title }}</h1>
    <div class="empty-state">
      <bo-icon name="construction" />
      <p>Cet écran sera disponible prochainement.</p>
    </div>
  `,
  styles: `
    .empty-state {
      display: flex;
      align-items: center;
      gap: 1rem;
      max-width: 40rem;
      padding: 1.5rem;
      border: 1px dashed var(--mat-sys-outline);
      border-radius: var(--mat-sys-corner-medium);
      color: var(--mat-sys-on-surface-variant);
    }

    .empty-state p {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UpcomingPage {
  protected readonly title = inject(ActivatedRoute).snapshot.title ?? '';
}
