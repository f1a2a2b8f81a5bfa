import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@passerelle/shared/domain';
import { DomainError } from './domain-error';
import { IdParam } from './id-param';

/** Flattens nested class-validator errors into `details` with dotted paths. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) result.push({ field, message });
    if (error.children?.length) result.push(...toFieldErrors(error.children, field));
  }
  return result;
}

/** The global pipe: class-validator for every DTO, with a shortcut for a valid `:id` (see IdParam). */
class ApiValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const id = metadata.metatype === IdParam ? IdParam.ofValid(value) : undefined;
    return id ? Promise.resolve(id) : super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new DomainError('INVALID', 'Invalid input', toFieldErrors(errors)),
  });
}
