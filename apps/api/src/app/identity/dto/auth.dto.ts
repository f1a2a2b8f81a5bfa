import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import {
  type CurrentUser,
  type LoginRequest,
  type LoginResponse,
  ORGANIZATION_TYPES,
  type OrganizationSummary,
  type OrganizationType,
  ROLES,
  type Role,
} from '@passerelle/shared/domain';
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
