import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { CurrentUser, LoginResponse } from '@passerelle/shared/domain';
import { Public, RequiresAction } from '@api/app/access/action.decorator';
import { CurrentPrincipal } from '@api/app/access/current-principal.decorator';
import { type AuthenticatedPrincipal, toCurrentUser } from '@api/app/access/principal';
import { AuthService } from './auth.service';
import { CurrentUserResponse, LoginDto, LoginResponseBody, RefreshDto } from './dto/auth.dto';
import { ActivateAccountDto } from './dto/users.dto';
import { UsersService } from './users.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: a short-lived access token and a refresh token' })
  @ApiOkResponse({ type: LoginResponseBody })
  @ApiUnauthorizedResponse({ description: 'Bad credentials (the same answer for an unknown user)' })
  login(@Body() body: LoginDto): Promise<LoginResponse> {
    return this.auth.login(body.username, body.password);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for new tokens (the old one stops working)' })
  @ApiOkResponse({ type: LoginResponseBody })
  @ApiUnauthorizedResponse({ description: 'Unknown, used, expired or revoked refresh token' })
  refresh(@Body() body: RefreshDto): Promise<LoginResponse> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session of this refresh token' })
  @ApiNoContentResponse({ description: 'Session ended (also when it had already ended)' })
  async logout(@Body() body: RefreshDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
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
