import { allowedActions, type Principal, ROLES } from '@passerelle/shared/domain';
import { NAV_ITEMS, navigationFor, navItem } from './navigation';

function labelsFor(principal: Principal): string[] {
  return navigationFor(new Set(allowedActions(principal)), principal.role).map((item) => item.label);
}

describe('navigation', () => {
  it('relay clerk: its referrals and its figures, no file list, no received referrals', () => {
    expect(labelsFor({ role: 'RELAY_CLERK', capabilities: [] })).toEqual([
      'Accueil',
      'Nouvelle orientation',
      'Mes orientations',
      'Pilotage',
    ]);
  });

  it('info point agent: files, received referrals, diary, reporting', () => {
    expect(labelsFor({ role: 'INFO_POINT_AGENT', capabilities: ['registersDemands'] })).toEqual([
      'Accueil',
      'Dossiers',
      'Orientations reçues',
      'Agenda',
      'Relances de renouvellement',
      'Pilotage',
    ]);
  });

  it('social worker and landlord officer see the same screens as an info point agent', () => {
    const agent = labelsFor({ role: 'INFO_POINT_AGENT', capabilities: [] });
    expect(labelsFor({ role: 'SOCIAL_WORKER', capabilities: [] })).toEqual(agent);
    expect(labelsFor({ role: 'LANDLORD_OFFICER', capabilities: ['registersDemands'] })).toEqual(agent);
    expect(labelsFor({ role: 'LANDLORD_OFFICER', capabilities: [] })).toEqual(agent);
  });

  it('coordinator: administration and the audit log, no diary and no referral screens', () => {
    const labels = labelsFor({ role: 'COORDINATOR', capabilities: [] });
    expect(labels).toEqual([
      'Accueil',
      'Dossiers',
      'Relances de renouvellement',
      'Pilotage',
      'Utilisateurs',
      'Organisations',
      'Journal des accès',
    ]);
  });

  it('only the coordinator sees the audit log and the administration', () => {
    for (const role of ROLES.filter((candidate) => candidate !== 'COORDINATOR')) {
      const labels = labelsFor({ role, capabilities: ['registersDemands'] });
      expect(labels).not.toContain('Journal des accès');
      expect(labels).not.toContain('Utilisateurs');
      expect(labels).not.toContain('Organisations');
    }
  });

  it('has one entry per path, every path absolute', () => {
    const paths = NAV_ITEMS.map((item) => item.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const path of paths) expect(path.startsWith('/')).toBe(true);
    expect(() => navItem('/nulle-part')).toThrow();
  });
});
