import type { ArgumentMetadata } from '@nestjs/common';
import { DomainError } from './domain-error';
import { IdParam } from './id-param';
import { createValidationPipe } from './validation';

const PARAM: ArgumentMetadata = { type: 'param', metatype: IdParam };
const ID = '0b6f1b0e-3c1d-4b7a-9e55-2f7c1d9a8b10';

async function refusal(value: unknown): Promise<DomainError> {
  try {
    await createValidationPipe().transform(value, PARAM);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('the validation pipe on :id', () => {
  it('gives an IdParam for a valid UUID, in any case', async () => {
    for (const id of [ID, ID.toUpperCase()]) {
      const param = await createValidationPipe().transform({ id }, PARAM);
      expect(param).toBeInstanceOf(IdParam);
      expect(param).toEqual({ id });
    }
  });

  it('refuses what is not a UUID with the field named, as for any DTO', async () => {
    for (const id of ['42', `${ID}0`, ID.replace(/-/g, '_'), ` ${ID.slice(1)}`]) {
      const error = await refusal({ id });
      expect(error.code).toBe('INVALID');
      expect(new Set(error.details?.map((detail) => detail.field))).toEqual(new Set(['id']));
    }
  });

  it('refuses an undeclared parameter beside a valid id', async () => {
    const error = await refusal({ id: ID, other: 'x' });
    expect(error.details?.map((detail) => detail.field)).toEqual(['other']);
  });
});
