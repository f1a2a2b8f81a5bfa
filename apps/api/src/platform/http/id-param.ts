import { ApiProperty } from '@nestjs/swagger';
import { PatternField, UUID } from './fields';

/** The `:id` of a route: a UUID. */
export class IdParam {
  @ApiProperty({ format: 'uuid' })
  @PatternField(UUID, 36)
  id!: string;

  /**
   * The parameter when `params` is exactly a valid `{ id }`, without going through class-validator:
   * the validation pipe takes this shortcut on every request that names a file, an appointment…
   * Anything else (`undefined`) goes through the full validation, which words the errors.
   */
  static ofValid(params: unknown): IdParam | undefined {
    if (typeof params !== 'object' || params === null) return undefined;
    const keys = Object.keys(params);
    const { id } = params as { id?: unknown };
    if (keys.length !== 1 || typeof id !== 'string' || id.length !== 36 || !UUID.test(id)) return undefined;
    return Object.assign(new IdParam(), { id });
  }
}
