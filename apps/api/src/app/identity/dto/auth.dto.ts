import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import {
  type CurrentUser,
  type LoginRequest,
  type LoginResponse,
  type LogoutResponse,
  ORGANIZATION_TYPES,
  type OrganizationSummary,
  type OrganizationType,
  ROLES,
  type Role,
  type SignInMethods,
} from '@passerelle/shared/domain';
import { TextField } from '@api/platform/http/fields';
import { UsernameField } from './users.dto';

export class LoginDto implements LoginRequest {
  @UsernameField(128, undefined, { example: 'mourenx.agent' })
  username!: string;

  @ApiProperty({ example: 'demo', format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(512)
  password!: string;
}

export class OrganizationSummaryResponse implements OrganizationSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: ORGANIZATION_TYPES })
  type!: OrganizationType;

  @ApiProperty()
  registersDemands!: boolean;
}

export class CurrentUserResponse implements CurrentUser {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  username!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ type: OrganizationSummaryResponse })
  organization!: OrganizationSummaryResponse;
}

export class LoginResponseBody implements LoginResponse {
  @ApiProperty({ description: 'Short-lived bearer token' })
  accessToken!: string;

  @ApiProperty({ type: CurrentUserResponse })
  user!: CurrentUserResponse;
}

export class SignInMethodsResponse implements SignInMethods {
  @ApiProperty({ description: '« S’identifier avec ProConnect » is offered (OIDC_ISSUER is set)' })
  proconnect!: boolean;
}

export class LogoutResponseBody implements LogoutResponse {
  @ApiProperty({
    description: 'A ProConnect session: the provider’s end-session address, where the browser goes next',
  })
  redirectTo!: string;
}

/** What ProConnect's redirect back carries (the controller hands the whole URL to openid-client). */
export class ProConnectCallbackQueryDto {
  @TextField(2048, { optional: true }) code?: string;
  @TextField(512, { optional: true }) state?: string;
  @TextField(2048, { optional: true, description: 'The issuer (RFC 9207), checked by openid-client' })
  iss?: string;
  @TextField(256, { optional: true }) error?: string;
  @TextField(1024, { optional: true }) error_description?: string;
}
