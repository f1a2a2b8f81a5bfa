import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { Request } from 'express';
import { DomainError } from './domain-error';

/**
 * Unknown query parameters are a 400 (API.md). Routes with a `@Query()` DTO get that from the
 * validation pipe; this rejects any query string on routes that declare none. A guard, registered
 * after the access guard: 401 and 403 come first, and no interceptor wraps every request for it.
 */
@Injectable()
export class RejectUndeclaredQueryGuard implements CanActivate {
  private readonly declaresQuery = new WeakMap<object, boolean>();

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const keys = Object.keys(request.query ?? {});
    if (keys.length > 0 && !this.routeDeclaresQuery(context)) {
      throw new DomainError(
        'INVALID',
        'Invalid input',
        keys.map((field) => ({ field, message: `query parameter ${field} is not accepted here` })),
      );
    }
    return true;
  }

  private routeDeclaresQuery(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    let known = this.declaresQuery.get(handler);
    if (known === undefined) {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ??
        {}) as Record<string, unknown>;
      known = Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.QUERY));
      this.declaresQuery.set(handler, known);
    }
    return known;
  }
}
