import { CommuneEntity } from '@api/app/reference/commune.entity';
import { OrganizationEntity } from '@api/app/reference/organization.entity';
import { SessionEntity } from '@api/app/identity/session.entity';
import { UserEntity } from '@api/app/identity/user.entity';

/** Every entity, as classes (a bundled build cannot glob files). */
export const ENTITIES = [CommuneEntity, OrganizationEntity, UserEntity, SessionEntity];
