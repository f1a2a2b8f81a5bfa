import type { Routes } from '@angular/router';
import { navItem } from '../shell/navigation';
import { canOpen, firstScreenOf } from '../shell/navigation.guard';

const upcomingPage = () => import('../ui/upcoming-page.component').then((m) => m.UpcomingPage);

function screen(segment: string): Routes[number] {
  const path = `/administration/${segment}`;
  return {
    path: segment,
    canMatch: [canOpen(path)],
    title: navItem(path).label,
    loadComponent: upcomingPage,
  };
}

export const ADMIN_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: firstScreenOf('/administration') },
  screen('utilisateurs'),
  screen('organisations'),
  screen('journal-des-acces'),
];
