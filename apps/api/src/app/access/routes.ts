import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common/enums/request-method.enum';
import { ModulesContainer } from '@nestjs/core';
import type { Action } from '@passerelle/shared/domain';
import { ACTION_METADATA, PUBLIC_METADATA } from './action.decorator';

export interface RouteDeclaration {
  method: string;
  /** With the global prefix, in Express form: `/api/applicant-files/:id`. */
  path: string;
  controller: string;
  handler: string;
  action?: Action;
  public: boolean;
}

const join = (...parts: string[]): string =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/')}`;

/** Every route the running application serves through its controllers, with what it declares. */
export function listRoutes(app: INestApplication, prefix = 'api'): RouteDeclaration[] {
  const routes: RouteDeclaration[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!type) continue;
      const controllerPaths = [
        (Reflect.getMetadata(PATH_METADATA, type) as string | string[] | undefined) ?? '',
      ]
        .flat()
        .map(String);
      const prototype = type.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const methodPath = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (methodPath === undefined || method === undefined) continue;
        const action =
          (Reflect.getMetadata(ACTION_METADATA, handler) as Action | undefined) ??
          (Reflect.getMetadata(ACTION_METADATA, type) as Action | undefined);
        const isPublic = Boolean(
          Reflect.getMetadata(PUBLIC_METADATA, handler) ?? Reflect.getMetadata(PUBLIC_METADATA, type),
        );
        for (const controllerPath of controllerPaths) {
          for (const path of [methodPath].flat()) {
            routes.push({
              method: RequestMethod[method],
              path: join(prefix, controllerPath, path),
              controller: type.name,
              handler: name,
              action,
              public: isPublic,
            });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
