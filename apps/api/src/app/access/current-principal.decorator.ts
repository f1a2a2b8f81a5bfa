import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';
import type { Grant } from '@passerelle/shared/domain';
import type { AuthenticatedPrincipal } from './principal';

export interface AuthenticatedRequest extends Request {
  principal?: AuthenticatedPrincipal;
  grant?: Grant;
}

/** The signed-in caller (the guard has set it on every non-public route). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return principal;
});

/** The grant of the permission table under which the route runs (scope, view, limits). */
export const CurrentGrant = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const grant = context.switchToHttp().getRequest<AuthenticatedRequest>().grant;
  if (!grant) throw new Error('CurrentGrant used on a route without an action');
  return grant;
});
