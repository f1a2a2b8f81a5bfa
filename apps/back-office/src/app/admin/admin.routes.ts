import type { Routes } from '@angular/router';
import { navItem } from '../shell/navigation';
import { canOpen, firstScreenOf } from '../shell/navigation.guard';

export const ADMIN_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: firstScreenOf('/administration') },
  {
    path: 'utilisateurs',
    canMatch: [canOpen('/administration/utilisateurs')],
    title: navItem('/administration/utilisateurs').label,
    loadComponent: () => import('./users/users.page').then((m) => m.UsersPage),
  },
  {
    path: 'organisations',
    canMatch: [canOpen('/administration/organisations')],
    title: navItem('/administration/organisations').label,
    loadComponent: () => import('./organizations/organizations.page').then((m) => m.OrganizationsPage),
  },
  {
    path: 'journal-des-acces',
    canMatch: [canOpen('/administration/journal-des-acces')],
    title: navItem('/administration/journal-des-acces').label,
    loadComponent: () => import('./audit/audit-log.page').then((m) => m.AuditLogPage),
  },
];
