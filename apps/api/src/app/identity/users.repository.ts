import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Role, UserView } from '@passerelle/shared/domain';
import type { Db } from '@api/platform/database/transactions';
import { UserEntity } from './user.entity';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  proconnect: boolean;
  role: Role;
  organization_id: string;
  organization_name: string;
  organization_type: UserView['organization']['type'];
  active: boolean;
  activated: boolean;
  second_factor: boolean;
  created_at: Date;
}

const USER_SELECT = `SELECT u.id, u.username, u.display_name, u.email, u.proconnect_sub IS NOT NULL AS proconnect, u.role, u.organization_id, o.name AS organization_name,
  o.type AS organization_type, u.active, u.password_hash IS NOT NULL AS activated,
  EXISTS (SELECT 1 FROM second_factor f WHERE f.user_id = u.id AND f.confirmed_at IS NOT NULL) AS second_factor,
  u.created_at
  FROM app_user u JOIN organization o ON o.id = u.organization_id`;

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    role: row.role,
    organization: { id: row.organization_id, name: row.organization_name, type: row.organization_type },
    active: row.active,
    proconnect: row.proconnect,
    activated: row.activated,
    secondFactor: row.second_factor,
    createdAt: row.created_at.toISOString(),
  };
}

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** With its organisation, for sign-in; `username` is normalised at the edge (UsernameField). */
  findByUsername(username: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOne({
      where: { username },
      relations: { organization: true },
    });
  }

  async page(
    filter: { organizationId?: string; role?: Role },
    page: { limit: number; offset: number },
  ): Promise<{ rows: UserRow[]; total: number }> {
    const where = `WHERE ($1::uuid IS NULL OR u.organization_id = $1) AND ($2::varchar IS NULL OR u.role = $2)`;
    const values = [filter.organizationId ?? null, filter.role ?? null];
    const [rows, count] = await Promise.all([
      this.dataSource.query(`${USER_SELECT} ${where} ORDER BY u.display_name, u.id LIMIT $3 OFFSET $4`, [
        ...values,
        page.limit,
        page.offset,
      ]) as Promise<UserRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM app_user u ${where}`, values) as Promise<
        { total: number }[]
      >,
    ]);
    return { rows, total: count[0]?.total ?? 0 };
  }

  async find(db: Db, id: string): Promise<UserRow | null> {
    const rows = await db.query<UserRow[]>(`${USER_SELECT} WHERE u.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async insert(
    db: Db,
    user: {
      username: string;
      displayName: string;
      role: Role;
      organizationId: string;
      email: string | null;
      /** A ProConnect-only account: linked to its agent, no activation code. */
      proconnectSub?: string;
      activationCodeHash: string | null;
      activationExpiresAt: Date | null;
    },
  ): Promise<string> {
    const rows = await db.query<{ id: string }[]>(
      `INSERT INTO app_user (username, display_name, role, organization_id, active, activation_code_hash,
                             activation_expires_at, email, proconnect_sub)
       VALUES ($1, $2, $3, $4, true, $5, $6, $7, $8) RETURNING id`,
      [
        user.username,
        user.displayName,
        user.role,
        user.organizationId,
        user.activationCodeHash,
        user.activationExpiresAt,
        user.email,
        user.proconnectSub ?? null,
      ],
    );
    return (rows[0] as { id: string }).id;
  }

  async update(
    db: Db,
    id: string,
    changes: {
      displayName?: string;
      email?: string | null;
      role?: Role;
      organizationId?: string;
      active?: boolean;
      activationCodeHash?: string | null;
      activationExpiresAt?: Date | null;
      passwordHash?: string | null;
    },
  ): Promise<void> {
    const columns: Record<string, string> = {
      displayName: 'display_name',
      email: 'email',
      role: 'role',
      organizationId: 'organization_id',
      active: 'active',
      activationCodeHash: 'activation_code_hash',
      activationExpiresAt: 'activation_expires_at',
      passwordHash: 'password_hash',
    };
    const values: unknown[] = [id];
    const sets = Object.entries(changes)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => {
        values.push(value);
        return `${columns[key]} = $${values.length}`;
      });
    if (sets.length === 0) return;
    await db.query(`UPDATE app_user SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, values);
  }

  /** Ends every session of a user (deactivation, new activation code). */
  async revokeSessions(db: Db, userId: string): Promise<void> {
    await db.query('UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [
      userId,
    ]);
  }
}
