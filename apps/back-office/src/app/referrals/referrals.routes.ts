import type { Routes } from '@angular/router';
import { navItem } from '../shell/navigation';
import { canOpen, firstScreenOf } from '../shell/navigation.guard';
import { ReferralAnswers } from './received/referral-answers';

export const REFERRALS_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: firstScreenOf('/orientations') },
  {
    path: 'nouvelle',
    canMatch: [canOpen('/orientations/nouvelle')],
    title: navItem('/orientations/nouvelle').label,
    loadComponent: () => import('./new-referral/new-referral.page').then((m) => m.NewReferralPage),
  },
  {
    path: 'envoyees',
    canMatch: [canOpen('/orientations/envoyees')],
    title: navItem('/orientations/envoyees').label,
    loadComponent: () => import('./sent/sent-referrals.page').then((m) => m.SentReferralsPage),
  },
  {
    path: 'recues',
    canMatch: [canOpen('/orientations/recues')],
    title: navItem('/orientations/recues').label,
    providers: [ReferralAnswers],
    loadComponent: () => import('./received/received-referrals.page').then((m) => m.ReceivedReferralsPage),
    children: [
      {
        path: ':id/refus',
        title: 'Refuser l’orientation',
        loadComponent: () => import('./received/decline-referral.route').then((m) => m.DeclineReferralRoute),
      },
    ],
  },
];
