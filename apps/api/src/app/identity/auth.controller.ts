import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiExtraModels,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  getSchemaPath,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type {
  CurrentUser,
  LoginResponse,
  LogoutResponse,
  SecondFactorChallenge,
  SecondFactorLoginResponse,
} from '@passerelle/shared/domain';
import { Public, RequiresAction } from '@api/app/access/action.decorator';
import { CurrentPrincipal } from '@api/app/access/current-principal.decorator';
import { type AuthenticatedPrincipal, toCurrentUser } from '@api/app/access/principal';
import { APP_CONFIG, type AppConfig } from '@api/platform/config/config';
import { AuthService, type IssuedSession } from './auth.service';
import { CurrentUserResponse, LoginDto, LoginResponseBody, LogoutResponseBody } from './dto/auth.dto';
import { ProConnectService } from './proconnect.service';
import {
  SecondFactorChallengeResponse,
  SecondFactorLoginDto,
  SecondFactorLoginResponseBody,
} from './dto/second-factor.dto';
import { assertOwnOrigin, clearRefreshCookie, refreshTokenOf, setRefreshCookie } from './refresh-cookie';
import { ActivateAccountDto } from './dto/users.dto';
import { UsersService } from './users.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly proconnect: ProConnectService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The body for the page, the refresh token in its cookie. */
  private answer<Body extends LoginResponse>(req: Request, res: Response, issued: IssuedSession<Body>): Body {
    setRefreshCookie(res, req, this.config, issued.refreshToken);
    return issued.body;
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Sign in: a short-lived access token in the body, the refresh token in an HttpOnly cookie (passerelle_refresh, Path=/api/auth); for an account with a second factor, or whose role requires one, a challenge instead (no tokens, no cookie)',
  })
  @ApiExtraModels(LoginResponseBody, SecondFactorChallengeResponse)
  @ApiOkResponse({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(LoginResponseBody) },
        { $ref: getSchemaPath(SecondFactorChallengeResponse) },
      ],
    },
  })
  @ApiUnauthorizedResponse({ description: 'Bad credentials (the same answer for an unknown user)' })
  @ApiForbiddenResponse({
    description: 'Right password, but the organisation signs in with ProConnect only (requiresProConnect)',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many failed sign-ins (Retry-After)' })
  async login(
    @Body() body: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponse | SecondFactorChallenge> {
    const outcome = await this.auth.login(body.username, body.password);
    return 'challenge' in outcome ? outcome : this.answer(req, res, outcome);
  }

  @Post('login/second-factor')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Second step of a sign-in: the challenge and a code of the authenticator app (once) or a recovery code (once); for an account enrolling, the first code of its new secret, and the ten recovery codes come with the tokens',
  })
  @ApiOkResponse({ type: SecondFactorLoginResponseBody })
  @ApiUnauthorizedResponse({ description: 'Wrong or used code, or a challenge unknown, used or expired' })
  @ApiTooManyRequestsResponse({
    description: 'Too many failed sign-ins (Retry-After), codes and passwords alike',
  })
  async loginWithSecondFactor(
    @Body() body: SecondFactorLoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SecondFactorLoginResponse> {
    return this.answer(req, res, await this.auth.loginWithSecondFactor(body.challenge, body.code));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiCookieAuth('refresh')
  @ApiOperation({
    summary:
      'Exchange the refresh cookie for a new access token and a new refresh cookie (the old one stops working); Origin must be Passerelle’s',
  })
  @ApiOkResponse({ type: LoginResponseBody })
  @ApiUnauthorizedResponse({ description: 'No, unknown, used, expired or revoked refresh token' })
  @ApiForbiddenResponse({ description: 'Origin is not Passerelle’s' })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    assertOwnOrigin(req, this.config);
    const token = refreshTokenOf(req);
    try {
      return this.answer(req, res, await this.auth.refresh(token ?? ''));
    } catch (error) {
      // A refused token is of no use to the browser any more.
      clearRefreshCookie(res, req, this.config);
      throw error;
    }
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiCookieAuth('refresh')
  @ApiOperation({
    summary:
      'End the session of the refresh cookie, and clear it; Origin must be Passerelle’s. A ProConnect session answers where the browser goes next: the provider’s logout',
  })
  @ApiNoContentResponse({ description: 'Session ended (also when it had already ended)' })
  @ApiOkResponse({
    type: LogoutResponseBody,
    description: 'A ProConnect session ended here: end it there too',
  })
  @ApiForbiddenResponse({ description: 'Origin is not Passerelle’s' })
  async logout(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LogoutResponse | undefined> {
    assertOwnOrigin(req, this.config);
    const token = refreshTokenOf(req);
    const idToken = token ? await this.auth.logout(token) : null;
    clearRefreshCookie(res, req, this.config);
    // Ended here whatever happens: a provider that does not answer only leaves its own session open.
    const redirectTo = idToken ? await this.proconnect.endSessionUrl(idToken).catch(() => null) : null;
    if (!redirectTo) return undefined;
    res.status(200);
    return { redirectTo };
  }

  @Post('activate')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: "Set a new account's password with its one-time activation code" })
  @ApiNoContentResponse({ description: 'Password set: sign in with it' })
  async activate(@Body() body: ActivateAccountDto): Promise<void> {
    await this.users.activate(body);
  }

  @Get('me')
  @RequiresAction('session.read')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: CurrentUserResponse })
  me(@CurrentPrincipal() principal: AuthenticatedPrincipal): CurrentUser {
    return toCurrentUser(principal);
  }
}
