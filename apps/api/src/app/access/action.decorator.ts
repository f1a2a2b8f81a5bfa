import { SetMetadata, applyDecorators } from '@nestjs/common';
import type { Action } from '@passerelle/shared/domain';

export const ACTION_METADATA = 'passerelle:action';
export const PUBLIC_METADATA = 'passerelle:public';

/** The action of the permission table that this route performs; the guard enforces the role part. */
export const RequiresAction = (action: Action): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ACTION_METADATA, action));

/** A route anyone may call, signed in or not (login, health, the OpenAPI document). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_METADATA, true);
