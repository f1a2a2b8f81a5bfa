import { ChangeDetectionStrategy, Component, ViewEncapsulation } from '@angular/core';

/**
 * Print rules for the Pilotage pages: without the application's header and navigation, the content
 * flowing over as many pages as it needs. Loaded with these pages only (the styles leave with them).
 */
@Component({
  selector: 'bo-print-layout',
  template: '',
  styles: `
    @media print {
      @page {
        margin: 1.5cm;
      }
      bo-shell .app-header,
      bo-shell mat-sidenav,
      .no-print {
        display: none !important;
      }
      body,
      bo-shell,
      bo-shell .mat-drawer-container,
      bo-shell .mat-drawer-content {
        display: block !important;
        height: auto !important;
        margin: 0 !important;
        overflow: visible !important;
        position: static !important;
        background: #fff !important;
      }
      bo-shell .content {
        max-width: none !important;
        padding: 0 !important;
      }
      .print-break {
        break-before: page;
      }
      h2,
      h3,
      caption {
        break-after: avoid;
      }
      tr {
        break-inside: avoid;
      }
    }
  `,
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PrintLayoutComponent {}
