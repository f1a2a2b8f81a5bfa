import type { Action, Role } from '@passerelle/shared/domain';
import { IconName } from '../ui/icon.component';

/** One entry of the side navigation. Its visibility derives from the permission table only. */
export interface NavItem {
  /** Absolute route path; the route of the same path checks `visible` too. */
  readonly path: string;
  readonly label: string;
  readonly icon: IconName;
  /** `actions`: what the user may do (`allowedActions`); `role` only where a task is one role's. */
  readonly visible: (actions: ReadonlySet<Action>, role: Role) => boolean;
}

/** The navigation of the back office: the one place that says which screen exists for whom. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'Accueil', icon: 'home', visible: () => true },
  {
    path: '/dossiers',
    label: 'Dossiers',
    icon: 'folder',
    // Relay clerks work through their referrals, not through the file list.
    visible: (actions, role) => actions.has('files.list') && role !== 'RELAY_CLERK',
  },
  {
    path: '/orientations/nouvelle',
    label: 'Nouvelle orientation',
    icon: 'addCircle',
    visible: (actions, role) => role === 'RELAY_CLERK' && actions.has('referrals.create'),
  },
  {
    path: '/orientations/envoyees',
    label: 'Mes orientations',
    icon: 'send',
    visible: (actions, role) => role === 'RELAY_CLERK' && actions.has('referrals.create'),
  },
  {
    path: '/orientations/recues',
    label: 'Orientations reçues',
    icon: 'inbox',
    visible: (actions, role) => actions.has('referrals.respond') && role !== 'RELAY_CLERK',
  },
  {
    path: '/agenda',
    label: 'Agenda',
    icon: 'event',
    visible: (actions) => actions.has('appointments.manage'),
  },
  {
    path: '/pilotage/relances',
    label: 'Relances de renouvellement',
    icon: 'notifications',
    // The renewals due within a month among the files the user may list.
    visible: (actions, role) => actions.has('files.list') && role !== 'RELAY_CLERK',
  },
  {
    path: '/pilotage',
    label: 'Pilotage',
    icon: 'barChart',
    visible: (actions) => actions.has('reporting.read'),
  },
  {
    path: '/administration/utilisateurs',
    label: 'Utilisateurs',
    icon: 'group',
    visible: (actions) => actions.has('admin.users'),
  },
  {
    path: '/administration/organisations',
    label: 'Organisations',
    icon: 'business',
    visible: (actions) => actions.has('admin.organizations'),
  },
  {
    path: '/administration/journal-des-acces',
    label: 'Journal des accès',
    icon: 'history',
    visible: (actions) => actions.has('audit.read'),
  },
];

export function navigationFor(actions: ReadonlySet<Action>, role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.visible(actions, role));
}

export function navItem(path: string): NavItem {
  const item = NAV_ITEMS.find((candidate) => candidate.path === path);
  if (!item) throw new Error(`No navigation entry for ${path}`);
  return item;
}
