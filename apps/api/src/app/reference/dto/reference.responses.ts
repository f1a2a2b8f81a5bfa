import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type CommuneView,
  ORGANIZATION_TYPES,
  type OrganizationType,
  type OrganizationView,
} from '@passerelle/shared/domain';

export class CommuneResponse implements CommuneView {
  @ApiProperty({ example: '64430', description: 'INSEE code' })
  inseeCode!: string;

  @ApiProperty({ example: 'Orthez' })
  name!: string;

  @ApiProperty({ type: [String], example: ['64300'] })
  postcodes!: string[];

  @ApiProperty({ example: 10881 })
  population!: number;
}

export class OrganizationResponse implements OrganizationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Point-info logement social de Mourenx' })
  name!: string;

  @ApiProperty({ enum: ORGANIZATION_TYPES })
  type!: OrganizationType;

  @ApiProperty()
  registersDemands!: boolean;

  @ApiPropertyOptional({ example: '64320', description: "INSEE code of a relay point's commune" })
  inseeCode?: string;

  @ApiProperty({ description: 'Its members sign in with ProConnect only' })
  requiresProConnect!: boolean;
}
