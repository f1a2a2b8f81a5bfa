import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ACTIVATION_CODE_HOURS,
  type ActivateAccountRequest,
  type AuditFieldChange,
  type CreateUserRequest,
  MIN_PASSWORD_LENGTH,
  type OrganizationType,
  type Page,
  ROLE_ORGANIZATION_TYPES,
  type Role,
  type UpdateUserRequest,
  type UserView,
  type UserWithActivationCode,
} from '@passerelle/shared/domain';
import { Clock } from '@api/platform/clock';
import { type Db, Transactions, pgConstraint, pgErrorCode } from '@api/platform/database/transactions';
import { DomainError, conflict, notFound } from '@api/platform/http/domain-error';
import { type PageRequest, toPage } from '@api/platform/http/pagination';
import { requestContext } from '@api/platform/request-context';
import { AuditRepository } from '@api/app/audit/audit.repository';
import { hashPassword } from './passwords';
import { SecondFactorRepository } from './second-factor.repository';
import { SignInLimits } from './sign-in-limits';
import { CODE_ALPHABET } from './totp';
import { type UserRow, UsersRepository, toUserView } from './users.repository';

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

function newActivationCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

const normaliseCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * What an account's change says in the audit log: role, organisation and active with their values
 * (they say what the account may do); the display name by its name only (personal data); a new
 * activation code as a fact, never the code or its hash.
 */
export function userChanges(before: UserRow, after: UserRow, newActivationCode: boolean): AuditFieldChange[] {
  const changes: AuditFieldChange[] = [];
  if (before.display_name !== after.display_name) changes.push({ field: 'displayName' });
  if (before.email !== after.email) changes.push({ field: 'email' });
  if (before.role !== after.role) changes.push({ field: 'role', from: before.role, to: after.role });
  if (before.organization_id !== after.organization_id)
    changes.push({ field: 'organization', from: before.organization_name, to: after.organization_name });
  if (before.active !== after.active)
    changes.push({ field: 'active', from: before.active, to: after.active });
  if (newActivationCode) changes.push({ field: 'activationCode' });
  return changes;
}

/** A username or an e-mail another account has: 409, saying which. */
export function uniqueAccountConflict(error: unknown): never {
  if (pgErrorCode(error) === '23505' && pgConstraint(error) === 'UQ_app_user_username')
    throw conflict('This username is taken');
  if (pgErrorCode(error) === '23505' && pgConstraint(error) === 'UQ_app_user_email')
    throw conflict('Another account has this e-mail address');
  if (pgErrorCode(error) === '23505' && pgConstraint(error) === 'UQ_app_user_proconnect_sub')
    throw conflict('Another account is linked to this ProConnect agent');
  throw error;
}

/** Accounts, created by the coordinator with a one-time activation code (no mail leaves Passerelle). */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditRepository,
    private readonly limits: SignInLimits,
    private readonly secondFactors: SecondFactorRepository,
    private readonly clock: Clock,
  ) {}

  async list(filter: { organizationId?: string; role?: Role }, page: PageRequest): Promise<Page<UserView>> {
    const { rows, total } = await this.users.page(filter, { limit: page.pageSize, offset: page.offset });
    return toPage(rows.map(toUserView), total, page);
  }

  async create(body: CreateUserRequest): Promise<UserWithActivationCode> {
    const code = newActivationCode();
    const expiresAt = new Date(this.clock.now().getTime() + ACTIVATION_CODE_HOURS * 3_600_000);
    const user = await this.transactions.run(async (db) => {
      await this.assertRoleFitsOrganization(db, body.role, body.organizationId);
      const id = await this.users
        .insert(db, {
          username: body.username,
          displayName: body.displayName,
          role: body.role,
          organizationId: body.organizationId,
          email: body.email ?? null,
          activationCodeHash: sha256(normaliseCode(code)),
          activationExpiresAt: expiresAt,
        })
        .catch(uniqueAccountConflict);
      const created = await this.users.find(db, id);
      if (!created) throw new Error('user not created');
      await this.audit.recordAdmin(db, { type: 'USER', id }, [
        { field: 'username' },
        { field: 'displayName' },
        { field: 'role', to: created.role },
        { field: 'organization', to: created.organization_name },
        ...(created.email ? [{ field: 'email' as const }] : []),
        { field: 'activationCode' },
      ]);
      return created;
    });
    return { user: toUserView(user), activationCode: code, activationExpiresAt: expiresAt.toISOString() };
  }

  async update(id: string, body: UpdateUserRequest): Promise<UserWithActivationCode> {
    const code = body.newActivationCode ? newActivationCode() : undefined;
    const expiresAt = new Date(this.clock.now().getTime() + ACTIVATION_CODE_HOURS * 3_600_000);
    const user = await this.transactions.run(async (db) => {
      const current = await this.users.find(db, id);
      if (!current) throw notFound('User');
      if (
        current.id === requestContext()?.userId &&
        (body.active === false || (body.role && body.role !== current.role))
      ) {
        throw conflict('You cannot deactivate yourself or change your own role');
      }
      const role = body.role ?? current.role;
      const organizationId = body.organizationId ?? current.organization_id;
      if (body.role || body.organizationId) await this.assertRoleFitsOrganization(db, role, organizationId);
      await this.users
        .update(db, id, {
          displayName: body.displayName,
          email: body.email,
          role: body.role,
          organizationId: body.organizationId,
          active: body.active,
          ...(code
            ? {
                activationCodeHash: sha256(normaliseCode(code)),
                activationExpiresAt: expiresAt,
                passwordHash: null,
              }
            : {}),
        })
        .catch(uniqueAccountConflict);
      const resetSecondFactor = body.resetSecondFactor === true;
      const hadSecondFactor = resetSecondFactor && (await this.secondFactors.reset(db, id));
      // Deactivation, a new role or organisation, a reset: every open session ends now.
      if (body.active === false || code || body.role || body.organizationId || resetSecondFactor)
        await this.users.revokeSessions(db, id);
      const updated = await this.users.find(db, id);
      if (!updated) throw notFound('User');
      await this.audit.recordAdmin(db, { type: 'USER', id }, [
        ...userChanges(current, updated, code !== undefined),
        ...(resetSecondFactor ? [{ field: 'secondFactor' as const, from: hadSecondFactor, to: false }] : []),
      ]);
      return updated;
    });
    return {
      user: toUserView(user),
      ...(code ? { activationCode: code, activationExpiresAt: expiresAt.toISOString() } : {}),
    };
  }

  /**
   * The account's owner sets a password with the code; the same 400 whatever was wrong. `username`
   * is normalised (ActivateAccountDto); a wrong code counts as a failed sign-in (SignInLimits).
   */
  async activate(body: ActivateAccountRequest): Promise<void> {
    const record = await this.users.findByUsername(body.username);
    const attempt = await this.limits.reserve(record?.id ?? null, body.username, requestContext()?.ip);
    if (body.password.length < MIN_PASSWORD_LENGTH) {
      await this.limits.forget(attempt);
      throw new DomainError('INVALID', 'Invalid input', [
        { field: 'password', message: `password must be at least ${MIN_PASSWORD_LENGTH} characters long` },
      ]);
    }
    const presented = Buffer.from(sha256(normaliseCode(body.activationCode)));
    const valid =
      record?.activationCodeHash &&
      record.activationExpiresAt &&
      record.activationExpiresAt > this.clock.now() &&
      record.active &&
      timingSafeEqual(presented, Buffer.from(record.activationCodeHash));
    if (!record || !valid) {
      await this.limits.failed(attempt);
      throw new DomainError('INVALID', 'Unknown username, or activation code wrong or expired');
    }
    await this.limits.forget(attempt);
    const passwordHash = await hashPassword(body.password);
    await this.transactions.run(async (db) => {
      await this.users.update(db, record.id, {
        passwordHash,
        activationCodeHash: null,
        activationExpiresAt: null,
      });
      await this.audit.recordAdmin(db, { type: 'USER', id: record.id }, [{ field: 'password' }], {
        userId: record.id,
        username: record.username,
        organizationId: record.organizationId,
      });
    });
  }

  async assertRoleFitsOrganization(db: Db, role: Role, organizationId: string): Promise<void> {
    const [organization] = await db.query<{ type: OrganizationType; active: boolean }[]>(
      'SELECT type, active FROM organization WHERE id = $1',
      [organizationId],
    );
    if (!organization?.active) {
      throw new DomainError('INVALID', 'Invalid input', [
        { field: 'organizationId', message: 'no such active organisation' },
      ]);
    }
    if (!(ROLE_ORGANIZATION_TYPES[role] as readonly OrganizationType[]).includes(organization.type)) {
      throw new DomainError('INVALID', 'Invalid input', [
        {
          field: 'role',
          message: `a ${role} belongs to an organisation of type ${ROLE_ORGANIZATION_TYPES[role].join(' or ')}`,
        },
      ]);
    }
  }
}
