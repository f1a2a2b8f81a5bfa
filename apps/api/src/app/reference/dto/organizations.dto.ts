import {
  type CreateOrganizationRequest,
  ORGANIZATION_TYPES,
  type OrganizationType,
  type UpdateOrganizationRequest,
} from '@passerelle/shared/domain';
import { BooleanField, CodeField, INSEE_CODE, PatternField, TextField } from '@api/platform/http/fields';

export class CreateOrganizationDto implements CreateOrganizationRequest {
  @TextField(160, { example: 'Association Logement Béarn' }) name!: string;
  @CodeField(ORGANIZATION_TYPES) type!: OrganizationType;
  @BooleanField({ description: 'A registration service (service enregistreur)' }) registersDemands!: boolean;
  @PatternField(INSEE_CODE, 5, { optional: true, description: 'Commune of a relay point' })
  inseeCode?: string;
  @BooleanField({ optional: true, description: 'Its members sign in with ProConnect only' })
  requiresProConnect?: boolean;
}

export class UpdateOrganizationDto implements UpdateOrganizationRequest {
  @TextField(160, { optional: true }) name?: string;
  @BooleanField({ optional: true }) registersDemands?: boolean;
  @BooleanField({ optional: true, description: 'false: its users can no longer sign in' }) active?: boolean;
  @BooleanField({
    optional: true,
    description: 'true: its members sign in with ProConnect only (no password)',
  })
  requiresProConnect?: boolean;
}
