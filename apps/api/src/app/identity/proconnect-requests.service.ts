import { Injectable } from '@nestjs/common';
import type {
  OpenAccountRequest,
  ProConnectRequestView,
  UserWithActivationCode,
} from '@passerelle/shared/domain';
import { Transactions } from '@api/platform/database/transactions';
import { notFound } from '@api/platform/http/domain-error';
import { AuditRepository } from '@api/app/audit/audit.repository';
import { ProConnectRepository } from './proconnect.repository';
import { UsersRepository, toUserView } from './users.repository';
import { UsersService, uniqueAccountConflict } from './users.service';

/**
 * The requests of agents whom ProConnect let in but who have no account: the coordinator opens an
 * account from one (active at once, linked to the agent's `sub`, with no password nor activation
 * code: it signs in with ProConnect only) or dismisses it.
 */
@Injectable()
export class ProConnectRequestsService {
  constructor(
    private readonly repository: ProConnectRepository,
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
    private readonly transactions: Transactions,
    private readonly audit: AuditRepository,
  ) {}

  list(): Promise<ProConnectRequestView[]> {
    return this.repository.requests();
  }

  open(id: string, body: OpenAccountRequest): Promise<UserWithActivationCode> {
    return this.transactions.run(async (db) => {
      const request = await this.repository.takeRequest(db, id);
      if (!request) throw notFound('ProConnect request');
      await this.usersService.assertRoleFitsOrganization(db, body.role, body.organizationId);
      const userId = await this.users
        .insert(db, {
          username: body.username,
          displayName: body.displayName,
          role: body.role,
          organizationId: body.organizationId,
          email: body.email,
          proconnectSub: request.sub,
          activationCodeHash: null,
          activationExpiresAt: null,
        })
        .catch(uniqueAccountConflict);
      const created = await this.users.find(db, userId);
      if (!created) throw new Error('user not created');
      await this.audit.recordAdmin(db, { type: 'USER', id: userId }, [
        { field: 'username' },
        { field: 'displayName' },
        { field: 'email' },
        { field: 'role', to: created.role },
        { field: 'organization', to: created.organization_name },
        { field: 'proconnect', to: true },
      ]);
      return { user: toUserView(created) };
    });
  }

  async dismiss(id: string): Promise<void> {
    await this.transactions.run(async (db) => {
      if (!(await this.repository.takeRequest(db, id))) throw notFound('ProConnect request');
    });
  }
}
