import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { isCalendarDate } from '@passerelle/shared/domain';

/**
 * Field decorators that validate and document at once, so that a DTO line says everything:
 * the rule (class-validator) and the OpenAPI schema (Swagger) cannot drift apart.
 */

interface FieldOptions {
  optional?: boolean;
  description?: string;
  example?: unknown;
}

const doc = (options: FieldOptions, schema: Record<string, unknown>) =>
  options.optional
    ? ApiPropertyOptional({ description: options.description, example: options.example, ...schema })
    : ApiProperty({ description: options.description, example: options.example, ...schema });

const presence = (options: FieldOptions) => (options.optional ? [IsOptional()] : []);

export function IsCalendarDate(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => isCalendarDate(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a calendar date YYYY-MM-DD`,
      },
    },
    validationOptions,
  );
}

export const TextField = (max: number, options: FieldOptions = {}) =>
  applyDecorators(
    ...presence(options),
    IsString(),
    ...(options.optional ? [] : [MinLength(1)]),
    MaxLength(max),
    doc(options, { type: String, maxLength: max }),
  );

export const PatternField = (pattern: RegExp, max: number, options: FieldOptions = {}) =>
  applyDecorators(
    ...presence(options),
    IsString(),
    Matches(pattern),
    MaxLength(max),
    doc(options, { type: String, pattern: pattern.source }),
  );

export const DateField = (options: FieldOptions = {}) =>
  applyDecorators(...presence(options), IsCalendarDate(), doc(options, { type: String, format: 'date' }));

export const CodeField = (codes: readonly string[], options: FieldOptions = {}) =>
  applyDecorators(...presence(options), IsIn(codes), doc(options, { enum: codes }));

export const CodesField = (codes: readonly string[], maxItems: number, options: FieldOptions = {}) =>
  applyDecorators(
    ...presence(options),
    IsArray(),
    ArrayMaxSize(maxItems),
    IsIn(codes, { each: true }),
    doc(options, { enum: codes, isArray: true, maxItems }),
  );

export const IntField = (min: number, max: number, options: FieldOptions = {}) =>
  applyDecorators(
    ...presence(options),
    IsInt(),
    Min(min),
    Max(max),
    doc(options, { type: Number, minimum: min, maximum: max }),
  );

export const AmountField = (max: number, options: FieldOptions = {}) =>
  applyDecorators(
    ...presence(options),
    IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }),
    Min(0),
    Max(max),
    doc(options, { type: Number, minimum: 0, maximum: max }),
  );

export const BooleanField = (options: FieldOptions = {}) =>
  applyDecorators(...presence(options), IsBoolean(), doc(options, { type: Boolean }));

export const NestedField = (type: () => new () => object, options: FieldOptions = {}) =>
  applyDecorators(...presence(options), IsObject(), ValidateNested(), Type(type), doc(options, { type }));

export const NestedArrayField = (
  type: () => new () => object,
  maxItems: number,
  options: FieldOptions = {},
) =>
  applyDecorators(
    ...presence(options),
    IsArray(),
    ArrayMaxSize(maxItems),
    ValidateNested({ each: true }),
    Type(type),
    doc(options, { type, isArray: true, maxItems }),
  );

/** INSEE commune code: five characters, Corsica's 2A/2B included. */
/** A UUID as the API's ids are written (any case). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const INSEE_CODE = /^(\d{5}|2[AB]\d{3})$/;
export const PHONE = /^\+?[0-9 .()-]{6,20}$/;
export const POSTCODE = /^\d{5}$/;

export const PatternListField = (pattern: RegExp, maxItems: number, options: FieldOptions = {}) =>
  applyDecorators(
    ...presence(options),
    IsArray(),
    ArrayMaxSize(maxItems),
    IsString({ each: true }),
    Matches(pattern, { each: true }),
    doc(options, { type: String, isArray: true, maxItems, pattern: pattern.source }),
  );
