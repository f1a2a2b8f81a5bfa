import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** What the last action did: a notice is announced politely, an error at once. */
export interface PageMessage {
  readonly text: string;
  readonly error: boolean;
}

/** Both live regions stay in the page, so that screen readers announce what appears in them. */
@Component({
  selector: 'bo-page-message',
  template: `
    <div role="status">
      @if (message(); as message) {
        @if (!message.error) {
          <p class="message notice">{{ message.text }}</p>
        }
      }
    </div>
    <div role="alert">
      @if (message(); as message) {
        @if (message.error) {
          <p class="message error">{{ message.text }}</p>
        }
      }
    </div>
  `,
  styleUrl: './page-message.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PageMessageComponent {
  readonly message = input<PageMessage | null>(null);
}
