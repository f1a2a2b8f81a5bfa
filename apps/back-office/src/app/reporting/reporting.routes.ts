import type { Routes } from '@angular/router';
import { navItem } from '../shell/navigation';
import { canOpen } from '../shell/navigation.guard';

/** « Pilotage »: the indicators, the yearly report to print, the renewal reminders. */
export const REPORTING_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: navItem('/pilotage').label,
    loadComponent: () => import('./reporting.page').then((m) => m.ReportingPage),
  },
  {
    path: 'rapport',
    title: 'Rapport annuel',
    loadComponent: () => import('./yearly-report.page').then((m) => m.YearlyReportPage),
  },
  {
    path: 'relances',
    title: 'Relances de renouvellement',
    canMatch: [canOpen('/pilotage/relances')],
    loadComponent: () => import('./renewal-reminders.page').then((m) => m.RenewalRemindersPage),
  },
];
