import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { RecoveryCodes, SecondFactorStatus, TotpEnrolment } from '@passerelle/shared/domain';
import { Public, RequiresAction } from '@api/app/access/action.decorator';
import { CurrentPrincipal } from '@api/app/access/current-principal.decorator';
import type { AuthenticatedPrincipal } from '@api/app/access/principal';
import {
  ChallengeDto,
  RecoveryCodesResponse,
  SecondFactorCodeDto,
  SecondFactorStatusResponse,
  TotpEnrolmentResponse,
} from './dto/second-factor.dto';
import { type SecondFactorAccount, SecondFactorService } from './second-factor.service';

const accountOf = (principal: AuthenticatedPrincipal): SecondFactorAccount => ({
  id: principal.userId,
  username: principal.username,
  organizationId: principal.organization.id,
});

/** Enrolling a second factor: during a sign-in that requires one, or by choice once signed in. */
@ApiTags('auth')
@Controller('auth')
export class SecondFactorController {
  constructor(private readonly secondFactors: SecondFactorService) {}

  @Post('login/second-factor/enrolment')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'During a sign-in whose role requires a second factor the account has not: a new TOTP secret (text, otpauth:// URI, QR code); send its first code to POST /api/auth/login/second-factor',
  })
  @ApiOkResponse({ type: TotpEnrolmentResponse })
  @ApiUnauthorizedResponse({ description: 'A challenge unknown, used or expired' })
  @ApiConflictResponse({ description: 'The account has a second factor already' })
  async enrolDuringSignIn(@Body() body: ChallengeDto): Promise<TotpEnrolment> {
    const account = await this.secondFactors.accountOf(body.challenge);
    return this.secondFactors.startEnrolment({ id: account.user_id, username: account.username });
  }

  @Get('second-factor')
  @RequiresAction('session.read')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Whether the signed-in user has a second factor, and must' })
  @ApiOkResponse({ type: SecondFactorStatusResponse })
  status(@CurrentPrincipal() principal: AuthenticatedPrincipal): Promise<SecondFactorStatus> {
    return this.secondFactors.status(principal.userId, principal.role);
  }

  @Post('second-factor/enrolment')
  @RequiresAction('session.read')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'A new TOTP secret for the signed-in user (text, otpauth:// URI, QR code), waiting for its first code; replaces one that waits',
  })
  @ApiOkResponse({ type: TotpEnrolmentResponse })
  @ApiConflictResponse({ description: 'A second factor is enrolled already' })
  enrol(@CurrentPrincipal() principal: AuthenticatedPrincipal): Promise<TotpEnrolment> {
    return this.secondFactors.startEnrolment(accountOf(principal));
  }

  @Post('second-factor/enrolment/confirm')
  @RequiresAction('session.read')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'The first code of the new secret: the second factor is on, asked at every sign-in; the ten recovery codes, shown once',
  })
  @ApiOkResponse({ type: RecoveryCodesResponse })
  @ApiBadRequestResponse({ description: 'Not the code the app shows now (counted as a failed sign-in)' })
  @ApiConflictResponse({ description: 'No enrolment under way, or a second factor enrolled already' })
  confirm(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @Body() body: SecondFactorCodeDto,
  ): Promise<RecoveryCodes> {
    return this.secondFactors.confirmEnrolment(accountOf(principal), body.code);
  }
}
