import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  RecoveryCodes,
  SecondFactorChallenge,
  SecondFactorLoginRequest,
  SecondFactorLoginResponse,
  SecondFactorStatus,
  TotpEnrolment,
} from '@passerelle/shared/domain';
import { TextField } from '@api/platform/http/fields';
import { CurrentUserResponse } from './auth.dto';

export class SecondFactorChallengeResponse implements SecondFactorChallenge {
  @ApiProperty({
    enum: ['TOTP', 'ENROL'],
    description:
      'TOTP: send a code of the app, or a recovery code; ENROL: the role requires a second factor the account has not: enrol with the challenge first',
  })
  secondFactor!: 'TOTP' | 'ENROL';

  @ApiProperty({ description: 'Single use, for POST /api/auth/login/second-factor' }) challenge!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class ChallengeDto {
  @TextField(128, { description: 'The challenge the password step gave' }) challenge!: string;
}

export class SecondFactorLoginDto extends ChallengeDto implements SecondFactorLoginRequest {
  @TextField(64, {
    description: 'Six digits of the authenticator app, or a recovery code',
    example: '123456',
  })
  code!: string;
}

export class SecondFactorCodeDto {
  @TextField(64, { description: 'Six digits of the authenticator app', example: '123456' }) code!: string;
}

export class SecondFactorLoginResponseBody implements SecondFactorLoginResponse {
  @ApiProperty({ description: 'Short-lived bearer token' }) accessToken!: string;
  @ApiProperty({ type: CurrentUserResponse }) user!: CurrentUserResponse;
  @ApiPropertyOptional({
    type: [String],
    description: 'After an enrolment only, shown once: each works once in place of a code of the app',
  })
  recoveryCodes?: string[];
}

export class TotpEnrolmentResponse implements TotpEnrolment {
  @ApiProperty({ description: 'The secret, base32, to type into the app by hand' }) secret!: string;
  @ApiProperty({ example: 'otpauth://totp/Passerelle:orthez.ts?issuer=Passerelle&secret=…' })
  otpauthUri!: string;

  @ApiProperty({ description: 'The URI as a QR code, a PNG data URL' }) qrCode!: string;
}

export class RecoveryCodesResponse implements RecoveryCodes {
  @ApiProperty({ type: [String], description: 'Shown once: each works once in place of a code of the app' })
  recoveryCodes!: string[];
}

export class SecondFactorStatusResponse implements SecondFactorStatus {
  @ApiProperty() enrolled!: boolean;
  @ApiProperty({ description: 'The role requires a second factor (SECOND_FACTOR_ROLES)' }) required!: boolean;
  @ApiProperty() recoveryCodesLeft!: number;
}
