import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Action, grantFor } from '@passerelle/shared/domain';
import { DomainError } from '@api/platform/http/domain-error';
import { AuthenticationService } from '@api/app/identity/authentication.service';
import { requestContext } from '@api/platform/request-context';
import { ACTION_METADATA, PUBLIC_METADATA } from './action.decorator';
import type { AuthenticatedRequest } from './current-principal.decorator';

/**
 * Global guard: no or bad token → 401; the role (or the organisation's capabilities) may not do
 * the route's action → 403. A route that declares neither an action nor `@Public()` is refused:
 * access fails closed. Object scope is applied later, in the repositories' queries.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly authentication: AuthenticationService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const audit = requestContext();
    const routePath = (request.route as { path?: unknown } | undefined)?.path;
    if (audit) audit.route = `${request.method} ${typeof routePath === 'string' ? routePath : request.path}`;
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_METADATA, targets)) return true;
    const action = this.reflector.getAllAndOverride<Action | undefined>(ACTION_METADATA, targets);

    const principal = await this.authentication.authenticate(request.headers.authorization);
    request.principal = principal;
    if (audit) {
      audit.userId = principal.userId;
      audit.username = principal.username;
      audit.organizationId = principal.organization.id;
    }

    if (!action) {
      this.logger.error(`Route ${request.method} ${request.route?.path ?? '?'} declares no action`);
      throw new DomainError('FORBIDDEN', 'This route declares no permission');
    }
    const grant = grantFor(principal, action);
    if (!grant) throw new DomainError('FORBIDDEN', 'Your role may not do this');
    request.grant = grant;
    return true;
  }
}
