import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';

/**
 * The states every list screen goes through: loading (a progress bar), failed (an alert), empty (what
 * to do next), and otherwise the list itself, projected.
 */
@Component({
  selector: 'bo-list-state',
  imports: [MatProgressBar],
  template: `
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="loadingLabel()" />
    }
    @if (failed()) {
      <p class="message error" role="alert">{{ failedText() }}</p>
    } @else if (empty()) {
      <div class="empty-state">
        <p>{{ emptyText() }}</p>
      </div>
    } @else if (ready()) {
      <ng-content />
    }
  `,
  styleUrl: './list-state.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListStateComponent {
  readonly loading = input.required<boolean>();
  readonly failed = input.required<boolean>();
  /** Loaded and nothing to show. */
  readonly empty = input.required<boolean>();
  /** Loaded with something to show. */
  readonly ready = input.required<boolean>();
  /** « Chargement des comptes » */
  readonly loadingLabel = input.required<string>();
  readonly failedText = input.required<string>();
  /** Says what to do, not only that there is nothing. */
  readonly emptyText = input.required<string>();
}
