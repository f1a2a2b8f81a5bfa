import type { EntityManager } from 'typeorm';
import type { Role } from '@passerelle/shared/domain';
import { OrganizationEntity } from '@api/app/reference/organization.entity';
import { relayPointCode } from '@api/app/reference/reference.data';
import { hashPassword } from './passwords';
import { UserEntity } from './user.entity';

interface AccountSeed {
  username: string;
  displayName: string;
  role: Role;
  organizationCode: string;
  /** The stand-in ProConnect's agents of the same e-mail (tools/oidc) sign in to these accounts. */
  email?: string;
}

/** The demo accounts of API.md, seeded in demo mode only. */
export const DEMO_ACCOUNTS: readonly AccountSeed[] = [
  {
    username: 'mourenx.agent',
    email: 'claire.etcheverry@mourenx.example',
    displayName: 'Claire Etcheverry',
    role: 'INFO_POINT_AGENT',
    organizationCode: 'INFO_POINT_MOURENX',
  },
  {
    username: 'orthez.accueil',
    displayName: 'Julien Lassalle',
    role: 'INFO_POINT_AGENT',
    organizationCode: 'INFO_POINT_ORTHEZ',
  },
  {
    username: 'orthez.ts',
    email: 'maite.bordenave@ccas-orthez.example',
    displayName: 'Maïté Bordenave',
    role: 'SOCIAL_WORKER',
    organizationCode: 'SOCIAL_SERVICE_CCAS_ORTHEZ',
  },
  {
    username: 'sdsei.ts',
    displayName: 'Nathalie Casenave',
    role: 'SOCIAL_WORKER',
    organizationCode: 'SOCIAL_SERVICE_SDSEI',
  },
  {
    username: 'lagor.relais',
    email: 'sylvie.lacoste@lagor.example',
    displayName: 'Sylvie Lacoste',
    role: 'RELAY_CLERK',
    organizationCode: relayPointCode('64301'),
  },
  {
    username: 'monein.relais',
    email: 'pierre.larrieu@monein.example',
    displayName: 'Pierre Larrieu',
    role: 'RELAY_CLERK',
    organizationCode: relayPointCode('64393'),
  },
  {
    username: 'office64.bailleur',
    displayName: 'Isabelle Haurat',
    role: 'LANDLORD_OFFICER',
    organizationCode: 'LANDLORD_OFFICE64',
  },
  {
    username: 'bearnaise.bailleur',
    displayName: 'Marc Darrigrand',
    role: 'LANDLORD_OFFICER',
    organizationCode: 'LANDLORD_BEARNAISE',
  },
  {
    username: 'cclo.coordination',
    email: 'anne.puyau@cclo.example',
    displayName: 'Anne Puyau',
    role: 'COORDINATOR',
    organizationCode: 'CCLO',
  },
];

async function organizationIdsByCode(manager: EntityManager): Promise<Map<string, string>> {
  const organizations = await manager
    .getRepository(OrganizationEntity)
    .find({ select: { id: true, code: true } });
  return new Map(organizations.map((o) => [o.code, o.id]));
}

/** Creates the demo accounts that do not exist yet; existing ones are left as they are. */
export async function seedDemoAccounts(manager: EntityManager, password: string): Promise<number> {
  const ids = await organizationIdsByCode(manager);
  const users = manager.getRepository(UserEntity);
  const existing = await users.find({ select: { id: true, username: true, email: true } });
  // Demo accounts seeded before they had an e-mail get it, for the stand-in ProConnect's agents.
  for (const user of existing) {
    const email = DEMO_ACCOUNTS.find((account) => account.username === user.username)?.email;
    if (email && user.email === null) await users.update({ id: user.id }, { email });
  }
  const names = new Set(existing.map((u) => u.username));
  const missing = DEMO_ACCOUNTS.filter((account) => !names.has(account.username));
  const hashes = await Promise.all(missing.map(() => hashPassword(password)));
  await users.insert(
    missing.map((account, index) => {
      const organizationId = ids.get(account.organizationCode);
      if (!organizationId)
        throw new Error(`Demo account ${account.username}: no organisation ${account.organizationCode}`);
      return {
        username: account.username,
        displayName: account.displayName,
        email: account.email ?? null,
        role: account.role,
        organizationId,
        active: true,
        passwordHash: hashes[index] ?? null,
      };
    }),
  );
  return missing.length;
}

/** Production: the first coordinator, from the environment, when there is no coordinator yet. */
export async function seedFirstCoordinator(
  manager: EntityManager,
  account: { username: string; password: string; displayName: string },
): Promise<boolean> {
  const users = manager.getRepository(UserEntity);
  if ((await users.count({ where: { role: 'COORDINATOR' } })) > 0) return false;
  const organizationId = (await organizationIdsByCode(manager)).get('CCLO');
  if (!organizationId) throw new Error('The CCLO organisation is missing from the reference data');
  await users.insert({
    username: account.username,
    displayName: account.displayName,
    role: 'COORDINATOR',
    organizationId,
    active: true,
    passwordHash: await hashPassword(account.password),
  });
  return true;
}
