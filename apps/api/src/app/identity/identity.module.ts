import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@api/platform/config/config';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthenticationService } from './authentication.service';
import { SecondFactorController } from './second-factor.controller';
import { SecondFactorRepository } from './second-factor.repository';
import { SecondFactorService } from './second-factor.service';
import { SessionsRepository } from './sessions.repository';
import { UsersRepository } from './users.repository';
import { SignInFailuresJob } from './sign-in-failures.job';
import { SignInLimits } from './sign-in-limits';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';
import { ProConnectController } from './proconnect.controller';
import { ProConnectRepository } from './proconnect.repository';
import { ProConnectRequestsController } from './proconnect-requests.controller';
import { ProConnectRequestsService } from './proconnect-requests.service';
import { ProConnectService } from './proconnect.service';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A key object, made once: given a string, jsonwebtoken first tries it as a public key on
        // every verification (a thrown and caught error per request).
        secret: createSecretKey(Buffer.from(config.tokenSecret, 'utf8')),
        signOptions: { algorithm: 'HS256', expiresIn: config.accessTokenTtlSeconds, issuer: 'passerelle' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'passerelle' },
      }),
    }),
  ],
  controllers: [
    AuthController,
    SecondFactorController,
    UsersController,
    ProConnectController,
    ProConnectRequestsController,
  ],
  providers: [
    AuthService,
    AuthenticationService,
    SessionsRepository,
    UsersRepository,
    UsersService,
    SignInLimits,
    SignInFailuresJob,
    ProConnectRepository,
    ProConnectService,
    ProConnectRequestsService,
    SecondFactorRepository,
    SecondFactorService,
  ],
  exports: [AuthenticationService],
})
export class IdentityModule {}
