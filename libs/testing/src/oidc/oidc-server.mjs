// The run's OpenID provider (ARCHITECTURE.md): the stand-in ProConnect of tools/oidc, a real
// oidc-provider over HTTP on a free port. Test apps listen on ports of their own: it accepts the
// callback and logout addresses on any loopback port.
import { startStandInProvider } from '../../../../tools/oidc/stand-in-provider.mjs';

export const OIDC_VARIABLE = 'PASSERELLE_TEST_OIDC';

/** Starts the provider and hands it to the workers through PASSERELLE_TEST_OIDC. */
export async function startTestOidc() {
  if (process.env[OIDC_VARIABLE]) return null;
  const provider = await startStandInProvider({
    redirectUris: ['http://127.0.0.1/api/auth/proconnect/callback'],
    postLogoutRedirectUris: ['http://127.0.0.1/'],
    anyLoopbackPort: true,
  });
  const { close, ...settings } = provider;
  process.env[OIDC_VARIABLE] = JSON.stringify(settings);
  return { stop: close };
}
