import { allowedActions, type CurrentUser } from '@passerelle/shared/domain';

/**
 * What the side navigation must show to `user`, computed from the shared permission table and the
 * product rules of the navigation. Written here again on purpose: the test states the rule, the
 * app's NAV_ITEMS implements it, and a drift between the two fails.
 */
export function expectedNavigation(user: CurrentUser): string[] {
  const actions = new Set(
    allowedActions({
      role: user.role,
      capabilities: user.organization.registersDemands ? ['registersDemands'] : [],
    }),
  );
  const relay = user.role === 'RELAY_CLERK';
  const entries: [string, boolean][] = [
    ['Accueil', true],
    ['Dossiers', actions.has('files.list') && !relay],
    ['Nouvelle orientation', relay && actions.has('referrals.create')],
    ['Mes orientations', relay && actions.has('referrals.create')],
    ['Orientations reçues', actions.has('referrals.respond') && !relay],
    ['Agenda', actions.has('appointments.manage')],
    ['Relances de renouvellement', actions.has('files.list') && !relay],
    ['Pilotage', actions.has('reporting.read')],
    ['Utilisateurs', actions.has('admin.users')],
    ['Organisations', actions.has('admin.organizations')],
    ['Journal des accès', actions.has('audit.read')],
  ];
  return entries.filter(([, shown]) => shown).map(([label]) => label);
}
