// A stand-in for ProConnect, for the tests and the demo only (never in production: `oidc-provider`
// is a development dependency, absent from the Docker image). It speaks like ProConnect: the same
// scopes and claims (`usual_name`, `siret`, `organization_label`…), `acr` values, a userinfo
// answered as a signed JWT, and an end-session endpoint. Its sign-in page lists fictitious agents.
import { createServer } from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';

/** ProConnect's assurance levels that Passerelle knows, weakest first after the self-asserted one. */
export const SELF_ASSERTED_ACR = 'https://proconnect.gouv.fr/assurance/self-asserted';

/**
 * Fictitious agents. The e-mails of the first ones are those of demo accounts (identity.seed.ts):
 * ProConnect finds them by e-mail the first time, then by `sub`.
 */
export const STAND_IN_AGENTS = [
  {
    sub: 'a1c6c1f0-5b1e-4d4b-9a51-0d6a2c1e0001',
    given_name: 'Claire',
    usual_name: 'Etcheverry',
    email: 'claire.etcheverry@mourenx.example',
    siret: '21640410500017',
    organization_label: 'Point-info logement social de Mourenx',
    acr: 'eidas1',
  },
  {
    sub: 'a1c6c1f0-5b1e-4d4b-9a51-0d6a2c1e0002',
    given_name: 'Maïté',
    usual_name: 'Bordenave',
    email: 'maite.bordenave@ccas-orthez.example',
    siret: '26640108500019',
    organization_label: "CCAS d'Orthez",
    acr: 'eidas1',
  },
  {
    sub: 'a1c6c1f0-5b1e-4d4b-9a51-0d6a2c1e0003',
    given_name: 'Pierre',
    usual_name: 'Larrieu',
    email: 'pierre.larrieu@monein.example',
    siret: '21640393100010',
    organization_label: 'Mairie de Monein',
    acr: 'eidas1',
  },
  {
    sub: 'a1c6c1f0-5b1e-4d4b-9a51-0d6a2c1e0004',
    given_name: 'Anne',
    usual_name: 'Puyau',
    email: 'anne.puyau@cclo.example',
    siret: '20004008400013',
    organization_label: 'Communauté de communes de Lacq-Orthez',
    acr: 'eidas1',
  },
  {
    sub: 'a1c6c1f0-5b1e-4d4b-9a51-0d6a2c1e0005',
    given_name: 'Jeanne',
    usual_name: 'Cazaux',
    email: 'jeanne.cazaux@mont.example',
    siret: '21640396400011',
    organization_label: 'Mairie de Mont',
    acr: 'eidas1',
  },
  {
    // Signs in with an identity that no one checked: too weak for Passerelle.
    sub: 'a1c6c1f0-5b1e-4d4b-9a51-0d6a2c1e0006',
    given_name: 'Sylvie',
    usual_name: 'Lacoste',
    email: 'sylvie.lacoste@lagor.example',
    siret: '21640301200015',
    organization_label: 'Mairie de Lagor',
    acr: SELF_ASSERTED_ACR,
  },
];

/** The demo client's credentials; known, so a test and the demo only. */
export const STAND_IN_CLIENT = {
  clientId: 'passerelle-demo',
  clientSecret: 'stand-in-provider-demo-secret-0000',
};

const html = (value) =>
  String(value).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );

const page = (title, body) => `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#161616}
h1{font-size:1.5rem}button{display:block;width:100%;text-align:left;margin:.5rem 0;padding:.75rem 1rem;font-size:1rem;
background:#000091;color:#fff;border:0;border-radius:.25rem;cursor:pointer}button:focus{outline:3px solid #0a76f6;outline-offset:2px}
p.note{color:#3a3a3a}</style></head><body><main>${body}</main></body></html>`;

function readForm(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      data += chunk;
      if (data.length > 10_000) reject(new Error('form too large'));
    });
    req.on('end', () => resolve(new URLSearchParams(data)));
    req.on('error', reject);
  });
}

const isLoopback = (url) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/**
 * Starts the provider on `host:port` (0: a free port). `redirectUris` and `postLogoutRedirectUris`
 * are the client's; with `anyLoopbackPort`, the same addresses on any port of the loopback are
 * accepted too (each test app listens on a port of its own).
 */
export async function startStandInProvider({
  host = '127.0.0.1',
  port = 0,
  redirectUris,
  postLogoutRedirectUris,
  anyLoopbackPort = false,
  client = STAND_IN_CLIENT,
} = {}) {
  // oidc-provider says once that it wants Node 22; it works on 20 (TOOLCHAIN.md).
  const { default: Provider, errors } = await import('oidc-provider');
  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const issuer = `http://${host}:${address.port}`;

  const jwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const agents = new Map(STAND_IN_AGENTS.map((agent) => [agent.sub, agent]));

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: redirectUris,
        post_logout_redirect_uris: postLogoutRedirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
        id_token_signed_response_alg: 'RS256',
        userinfo_signed_response_alg: 'RS256',
      },
    ],
    jwks: { keys: [{ ...jwk, kid: 'stand-in', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    acrValues: ['eidas1', 'eidas2', 'eidas3', SELF_ASSERTED_ACR],
    scopes: ['openid', 'email', 'given_name', 'usual_name', 'siret', 'uid', 'idp_id', 'organization_label'],
    claims: {
      openid: ['sub'],
      email: ['email'],
      given_name: ['given_name'],
      usual_name: ['usual_name'],
      siret: ['siret'],
      uid: ['uid'],
      idp_id: ['idp_id'],
      organization_label: ['organization_label'],
    },
    pkce: { required: () => true },
    // Short, like ProConnect's: nothing here outlives a demo's sign-in.
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    features: {
      devInteractions: { enabled: false },
      claimsParameter: { enabled: true },
      userinfo: { enabled: true },
      jwtUserinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        // ProConnect ends the session without asking: the form confirms itself.
        logoutSource: async (ctx, form) => {
          ctx.body = page(
            'Déconnexion',
            `<h1>Déconnexion de ProConnect (démonstration)</h1>${form}
             <button type="submit" form="op.logoutForm" name="logout" value="yes">Se déconnecter</button>
             <script>
               const form = document.getElementById('op.logoutForm');
               form.insertAdjacentHTML('beforeend', '<input type="hidden" name="logout" value="yes">');
               form.submit();
             </script>`,
          );
        },
      },
    },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    // The agents' consent is ProConnect's business: every client gets the scopes it asked for.
    loadExistingGrant: async (ctx) => {
      const grantId =
        ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '));
      grant.addOIDCClaims([...ctx.oidc.requestParamClaims]);
      await grant.save();
      return grant;
    },
    findAccount: (ctx, id) => {
      const agent = agents.get(id);
      if (!agent) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: agent.sub,
          email: agent.email,
          given_name: agent.given_name,
          usual_name: agent.usual_name,
          siret: agent.siret,
          uid: agent.sub.slice(-4),
          idp_id: 'stand-in',
          organization_label: agent.organization_label,
        }),
      };
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = page(
        'Erreur',
        `<h1>Erreur du fournisseur d'identité</h1><p>${html(out.error)}: ${html(out.error_description ?? '')}</p>`,
      );
    },
  });

  if (anyLoopbackPort) {
    // Each test app has a port of its own: the registered address on any loopback port will do.
    const samePathOnLoopback = (value, allowed) => {
      let url;
      try {
        url = new URL(value);
      } catch {
        return false;
      }
      return (
        isLoopback(url) &&
        allowed.some((entry) => {
          const registered = new URL(entry);
          return registered.pathname === url.pathname && url.protocol === registered.protocol && !url.search;
        })
      );
    };
    const { redirectUriAllowed, postLogoutRedirectUriAllowed } = provider.Client.prototype;
    provider.Client.prototype.redirectUriAllowed = function (value) {
      return redirectUriAllowed.call(this, value) || samePathOnLoopback(value, this.redirectUris);
    };
    provider.Client.prototype.postLogoutRedirectUriAllowed = function (value) {
      return (
        postLogoutRedirectUriAllowed.call(this, value) ||
        samePathOnLoopback(value, this.postLogoutRedirectUris ?? [])
      );
    };
  }

  const callback = provider.callback();
  server.on('request', async (req, res) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url.split('?')[0]);
    if (!match) return callback(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (match[2] && req.method === 'POST') {
        const agent = agents.get((await readForm(req)).get('agent') ?? '');
        if (!agent) throw new errors.InvalidRequest('unknown agent');
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: agent.sub, acr: agent.acr, amr: ['pwd'] } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      const buttons = STAND_IN_AGENTS.map(
        (agent) => `<form method="post" action="/interaction/${html(details.uid)}/login">
          <input type="hidden" name="agent" value="${html(agent.sub)}">
          <button type="submit">${html(`${agent.given_name} ${agent.usual_name}`)} — ${html(agent.organization_label)}${
            agent.acr === SELF_ASSERTED_ACR ? ' (identité non vérifiée)' : ''
          }</button></form>`,
      ).join('');
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('cache-control', 'no-store');
      res.end(
        page(
          'ProConnect (démonstration)',
          `<h1>ProConnect — fournisseur d'identité de démonstration</h1>
           <p class="note">Agents fictifs, pour les tests et la démonstration de Passerelle. Choisissez un agent :</p>${buttons}`,
        ),
      );
    } catch (error) {
      res.statusCode = 400;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end(`Interaction refused: ${error instanceof Error ? error.message : String(error)}`);
    }
  });

  return {
    issuer,
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
