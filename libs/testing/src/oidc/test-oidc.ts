/** The run's stand-in ProConnect, as the global setup started it (libs/testing/src/oidc). */
export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export function testOidcProvider(): TestOidcProvider {
  const settings = process.env['PASSERELLE_TEST_OIDC'];
  if (!settings)
    throw new Error('No test OpenID provider: run the tests through Jest (its global setup starts one)');
  return JSON.parse(settings) as TestOidcProvider;
}
