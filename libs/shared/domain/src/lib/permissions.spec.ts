import { ROLES } from './codes';
import { ACTIONS, PERMISSIONS, allowedActions, can, grantFor, mayReadSensitiveDocument } from './permissions';

describe('permission table', () => {
  it('has a row for every action and only known roles in it', () => {
    for (const action of ACTIONS) {
      const row = PERMISSIONS[action];
      expect(row).toBeDefined();
      for (const role of Object.keys(row)) expect(ROLES).toContain(role);
    }
  });

  it('lets only a registering organisation register, renew and close', () => {
    expect(can({ role: 'INFO_POINT_AGENT', capabilities: ['registersDemands'] }, 'files.lifecycle')).toBe(
      true,
    );
    expect(can({ role: 'INFO_POINT_AGENT', capabilities: [] }, 'files.lifecycle')).toBe(false);
    expect(can({ role: 'SOCIAL_WORKER', capabilities: ['registersDemands'] }, 'files.lifecycle')).toBe(false);
  });

  it('keeps social evaluations to social workers', () => {
    for (const role of ROLES) {
      expect(can({ role, capabilities: ['registersDemands'] }, 'evaluations.social')).toBe(
        role === 'SOCIAL_WORKER',
      );
    }
  });

  it('gives a relay clerk its own files as a contact card, editable while CONTACT only', () => {
    const clerk = { role: 'RELAY_CLERK' as const, capabilities: [] };
    expect(grantFor(clerk, 'files.read')).toEqual({ scope: 'own', view: 'contactCard' });
    expect(grantFor(clerk, 'files.update')?.whileStatus).toEqual(['CONTACT']);
    expect(allowedActions(clerk)).not.toContain('files.duplicates');
  });

  it('keeps the coordinator out of the files it steers', () => {
    const coordinator = { role: 'COORDINATOR' as const, capabilities: [] };
    expect(allowedActions(coordinator)).toEqual(
      expect.arrayContaining(['admin.users', 'audit.read', 'privacy.export', 'reporting.read']),
    );
    expect(can(coordinator, 'files.update')).toBe(false);
    expect(can(coordinator, 'files.create')).toBe(false);
  });

  it('lets social workers read any sensitive document, info-point agents their own uploads, nobody else', () => {
    const reads = (role: (typeof ROLES)[number], uploadedBy: string | null) =>
      mayReadSensitiveDocument({ role, capabilities: ['registersDemands'] }, 'mine', uploadedBy);
    expect(ROLES.filter((role) => reads(role, 'other'))).toEqual(['SOCIAL_WORKER']);
    expect(ROLES.filter((role) => reads(role, 'mine'))).toEqual(['INFO_POINT_AGENT', 'SOCIAL_WORKER']);
    // A document that is gone: who reads only its own organisation's uploads cannot tell it is one.
    expect(ROLES.filter((role) => reads(role, null))).toEqual(['SOCIAL_WORKER']);
  });
});
