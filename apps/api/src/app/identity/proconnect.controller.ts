import { Controller, Get, HttpCode, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  ApiBadRequestResponse,
  ApiFoundResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSeeOtherResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Inject } from '@nestjs/common';
import { parse } from 'cookie';
import {
  PROCONNECT_FLOW_COOKIE,
  PROCONNECT_PATH,
  PROCONNECT_REFUSAL_PAGE,
  type ProConnectRefusal,
  type SignInMethods,
} from '@passerelle/shared/domain';
import { Public } from '@api/app/access/action.decorator';
import { APP_CONFIG, type AppConfig } from '@api/platform/config/config';
import { notFound } from '@api/platform/http/domain-error';
import { PROCONNECT_FLOW_MINUTES } from './proconnect.repository';
import { ProConnectService } from './proconnect.service';
import { setRefreshCookie } from './refresh-cookie';
import { ProConnectCallbackQueryDto, SignInMethodsResponse } from './dto/auth.dto';

/**
 * The cookie that ties the callback to the browser that started the sign-in (a callback URL
 * handed to someone else does not sign them in). `SameSite=Lax`: the provider's redirect back is a
 * cross-site navigation, which a Strict cookie would miss.
 */
function flowCookieOptions(config: AppConfig, req: Request) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: PROCONNECT_PATH,
    secure: config.mode === 'production' || req.secure,
  };
}

@ApiTags('auth')
@Controller()
export class ProConnectController {
  constructor(
    private readonly proconnect: ProConnectService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('auth/methods')
  @Public()
  @ApiOperation({
    summary: 'How one may sign in here: the sign-in page offers ProConnect when it is configured',
  })
  @ApiOkResponse({ type: SignInMethodsResponse })
  methods(): SignInMethods {
    return { proconnect: this.proconnect.enabled };
  }

  @Get('auth/proconnect/login')
  @Public()
  @ApiOperation({ summary: 'Start a ProConnect sign-in: a redirect to the provider' })
  @ApiFoundResponse({ description: 'To ProConnect’s authorisation endpoint' })
  @ApiSeeOtherResponse({
    description: 'ProConnect cannot be reached: to `/connexion/proconnect?motif=UNAVAILABLE`, which says so',
  })
  @ApiNotFoundResponse({ description: 'ProConnect is not configured (OIDC_ISSUER)' })
  async login(@Req() req: Request, @Res() res: Response): Promise<void> {
    const started = await this.proconnect.start();
    // A person clicked the button: a French page, not an error's JSON.
    if (!started) {
      res.redirect(303, this.refusalPage('UNAVAILABLE'));
      return;
    }
    const { url, state } = started;
    res.cookie(PROCONNECT_FLOW_COOKIE, state, {
      ...flowCookieOptions(this.config, req),
      maxAge: PROCONNECT_FLOW_MINUTES * 60_000,
    });
    res.redirect(302, url);
  }

  @Get('auth/proconnect/callback')
  @Public()
  @HttpCode(303)
  @ApiOperation({
    summary:
      'ProConnect’s answer: a session (refresh cookie) and a redirect to the back office’s home, or to the page saying why the agent may not enter',
  })
  @ApiSeeOtherResponse({
    description:
      'To `/` signed in, or to `/connexion/proconnect?motif=…` (no session): UNKNOWN_ACCOUNT, ACCOUNT_INACTIVE, ACR_TOO_WEAK; EXPIRED for a state that is not this browser’s, unknown, used or expired; FAILED for a code the provider refused; UNAVAILABLE',
  })
  @ApiBadRequestResponse({ description: 'Parameters that no provider sends (unknown, too long)' })
  async callback(
    @Req() req: Request,
    @Res() res: Response,
    // Declared, so that other parameters are refused; the whole URL goes to openid-client.
    @Query() _query: ProConnectCallbackQueryDto,
  ): Promise<void> {
    if (!this.proconnect.enabled) throw notFound('ProConnect sign-in');
    const cookieState = parse(req.headers.cookie ?? '')[PROCONNECT_FLOW_COOKIE] ?? null;
    // One use: whatever comes of it, this browser's flow is over.
    res.clearCookie(PROCONNECT_FLOW_COOKIE, flowCookieOptions(this.config, req));
    // The whole URL as the provider sent it (it adds `iss`), on the address registered there.
    const callbackUrl = new URL(this.proconnect.redirectUri);
    callbackUrl.search = new URL(req.originalUrl, 'http://callback').search;
    const outcome = await this.proconnect.callback(callbackUrl, cookieState);
    if ('refused' in outcome) {
      res.redirect(303, this.refusalPage(outcome.refused));
      return;
    }
    setRefreshCookie(res, req, this.config, outcome.session.refreshToken);
    res.redirect(303, `${this.config.publicUrl ?? ''}/`);
  }

  /** The back office's page that says, in French, why the agent is not in. */
  private refusalPage(refusal: ProConnectRefusal): string {
    return `${this.config.publicUrl ?? ''}${PROCONNECT_REFUSAL_PAGE}?motif=${refusal}`;
  }
}
