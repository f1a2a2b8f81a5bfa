import { inject } from '@angular/core';
import { type ActivatedRouteSnapshot, Router, type Routes } from '@angular/router';
import type { ReferralView } from '@passerelle/shared/domain';
import { navItem } from '../shell/navigation';
import { canOpen, firstScreenOf } from '../shell/navigation.guard';
import type { DialogRouteSpec } from '../ui/dialog-route';
import type { DeclineReferralData } from './received/decline-referral.dialog';
import { ReferralAnswers } from './received/referral-answers';

/** `/orientations/recues/:id/refus`: the decline dialog over the inbox; closing it goes back to it. */
async function decline(route: ActivatedRouteSnapshot): Promise<DialogRouteSpec<ReferralView>> {
  const answers = inject(ReferralAnswers);
  const router = inject(Router);
  const { DeclineReferralDialog } = await import('./received/decline-referral.dialog');
  const data: DeclineReferralData = { id: route.paramMap.get('id') ?? '' };
  return {
    dialog: DeclineReferralDialog,
    data,
    closed: (declined) => {
      if (declined) answers.declined.set(declined);
      return router.createUrlTree(['/orientations/recues']);
    },
  };
}

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
        loadComponent: () => import('../ui/dialog-route').then((m) => m.DialogRoute),
        resolve: { spec: decline },
      },
    ],
  },
];
