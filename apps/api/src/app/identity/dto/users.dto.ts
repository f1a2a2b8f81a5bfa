import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  type ActivateAccountRequest,
  type CreateUserRequest,
  MIN_PASSWORD_LENGTH,
  ORGANIZATION_TYPES,
  type OrganizationType,
  type Page,
  ROLES,
  type Role,
  type UpdateUserRequest,
  type UserView,
  type UserWithActivationCode,
  normaliseEmail,
  normaliseUsername,
  type OpenAccountRequest,
  type ProConnectRequestView,
} from '@passerelle/shared/domain';
import { BooleanField, CodeField, PatternField, TextField, UUID } from '@api/platform/http/fields';
import { PageQueryDto } from '@api/platform/http/pagination';

/** An e-mail address, normalised (`normaliseEmail`) before it is checked: one spelling per address. */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const EmailField = (options: { optional?: boolean; description?: string } = {}) =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normaliseEmail(value) : value)),
    PatternField(EMAIL, 254, { example: 'helene.laborde@mairie-artix.fr', ...options }),
  );

/** Lower-case letters, digits, dots, dashes and underscores: `prenom.nom`. */
export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/**
 * A username as typed, normalised here, once (`normaliseUsername`), before it is validated: the
 * lookup, the sign-in limits and the audit log all see the one spelling.
 */
export const UsernameField = (max: number, pattern?: RegExp, options: { example?: string } = {}) =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? normaliseUsername(value) : value,
    ),
    pattern ? PatternField(pattern, max, options) : TextField(max, options),
  );

export class CreateUserDto implements CreateUserRequest {
  @UsernameField(64, USERNAME, { example: 'artix.relais' }) username!: string;
  @TextField(120, { example: 'Hélène Laborde' }) displayName!: string;
  @EmailField({ optional: true, description: 'Unique (whatever the case): how ProConnect finds the account' })
  email?: string;
  @CodeField(ROLES) role!: Role;
  @PatternField(UUID, 36) organizationId!: string;
}

export class UpdateUserDto implements UpdateUserRequest {
  @TextField(120, { optional: true }) displayName?: string;
  @EmailField({ optional: true, description: 'null: no e-mail any more' }) email?: string | null;
  @CodeField(ROLES, { optional: true }) role?: Role;
  @PatternField(UUID, 36, { optional: true }) organizationId?: string;
  @BooleanField({ optional: true, description: 'false: the user loses access at once' }) active?: boolean;
  @BooleanField({ optional: true, description: 'true: a new one-time activation code (forgotten password)' })
  newActivationCode?: boolean;
  @BooleanField({
    optional: true,
    description:
      'true: the second factor and its recovery codes are removed, and the user enrols again (a lost phone)',
  })
  resetSecondFactor?: boolean;
}

export class ListUsersQueryDto extends PageQueryDto {
  @PatternField(UUID, 36, { optional: true }) organizationId?: string;
  @CodeField(ROLES, { optional: true }) role?: Role;
}

export class ActivateAccountDto implements ActivateAccountRequest {
  @UsernameField(128) username!: string;
  @TextField(64) activationCode!: string;
  @TextField(512, { description: `At least ${MIN_PASSWORD_LENGTH} characters` }) password!: string;
}

class UserOrganization {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANIZATION_TYPES }) type!: OrganizationType;
}

export class UserResponse implements UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: UserOrganization }) organization!: UserOrganization;
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'Linked to a ProConnect agent' }) proconnect!: boolean;
  @ApiProperty({ description: 'A password has been set with the activation code' }) activated!: boolean;
  @ApiProperty({ description: 'A second factor (TOTP) is enrolled' }) secondFactor!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class UserWithActivationCodeResponse implements UserWithActivationCode {
  @ApiProperty({ type: UserResponse }) user!: UserResponse;
  @ApiPropertyOptional({ description: 'Shown once: hand it to the user' }) activationCode?: string;
  @ApiPropertyOptional({ format: 'date-time' }) activationExpiresAt?: string;
}

export class UserPageResponse implements Page<UserView> {
  @ApiProperty({ type: [UserResponse] }) items!: UserResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class OpenAccountDto implements OpenAccountRequest {
  @UsernameField(64, USERNAME, { example: 'jeanne.cazaux' }) username!: string;
  @TextField(120, { example: 'Jeanne Cazaux' }) displayName!: string;
  @EmailField() email!: string;
  @CodeField(ROLES) role!: Role;
  @PatternField(UUID, 36) organizationId!: string;
}

export class ProConnectRequestResponse implements ProConnectRequestView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, nullable: true }) givenName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'ProConnect’s usual_name' }) usualName!:
    | string
    | null;
  @ApiProperty({ type: String, nullable: true }) siret!: string | null;
  @ApiProperty({ type: String, nullable: true }) organizationLabel!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', description: 'The last refused sign-in' }) lastAttemptAt!: string;
}
