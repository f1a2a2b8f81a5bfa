import type { Routes } from '@angular/router';
import { sessionGuard } from './auth/auth.guard';
import { navItem } from './shell/navigation';
import { canOpen, canOpenFiles, canOpenSection } from './shell/navigation.guard';

/** Every screen is lazy-loaded; the initial bundle holds only the router, the session and this table. */
export const APP_ROUTES: Routes = [
  {
    path: 'connexion',
    title: 'Connexion',
    loadComponent: () => import('./auth/login/login.page').then((m) => m.LoginPage),
  },
  {
    path: 'connexion/proconnect',
    title: 'Connexion avec ProConnect',
    loadComponent: () =>
      import('./auth/proconnect/proconnect-refusal.page').then((m) => m.ProConnectRefusalPage),
  },
  {
    path: 'activation',
    title: 'Activation du compte',
    loadComponent: () => import('./auth/activation/activation.page').then((m) => m.ActivationPage),
  },
  {
    path: '',
    canMatch: [sessionGuard],
    loadComponent: () => import('./shell/shell.component').then((m) => m.ShellComponent),
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: navItem('/').label,
        loadComponent: () => import('./shell/home/home.page').then((m) => m.HomePage),
      },
      {
        path: 'compte/double-authentification',
        title: 'Double authentification',
        loadComponent: () =>
          import('./auth/second-factor/second-factor.page').then((m) => m.SecondFactorPage),
      },
      {
        path: 'dossiers',
        canMatch: [canOpenFiles],
        loadChildren: () => import('./files/files.routes').then((m) => m.FILES_ROUTES),
      },
      {
        path: 'orientations',
        canMatch: [canOpenSection('/orientations')],
        loadChildren: () => import('./referrals/referrals.routes').then((m) => m.REFERRALS_ROUTES),
      },
      {
        path: 'agenda',
        canMatch: [canOpen('/agenda')],
        loadChildren: () => import('./appointments/appointments.routes').then((m) => m.APPOINTMENTS_ROUTES),
      },
      {
        path: 'pilotage',
        canMatch: [canOpen('/pilotage')],
        loadChildren: () => import('./reporting/reporting.routes').then((m) => m.REPORTING_ROUTES),
      },
      {
        path: 'administration',
        canMatch: [canOpenSection('/administration')],
        loadChildren: () => import('./admin/admin.routes').then((m) => m.ADMIN_ROUTES),
      },
      {
        path: '**',
        title: 'Page introuvable',
        loadComponent: () => import('./shell/not-found/not-found.page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
