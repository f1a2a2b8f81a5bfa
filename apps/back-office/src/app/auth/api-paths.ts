/** The auth routes of API.md. */
export const AUTH_API = {
  login: '/api/auth/login',
  refresh: '/api/auth/refresh',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  methods: '/api/auth/methods',
  proconnectLogin: '/api/auth/proconnect/login',
  secondFactorLogin: '/api/auth/login/second-factor',
  secondFactorLoginEnrolment: '/api/auth/login/second-factor/enrolment',
  secondFactor: '/api/auth/second-factor',
  secondFactorEnrolment: '/api/auth/second-factor/enrolment',
  secondFactorEnrolmentConfirm: '/api/auth/second-factor/enrolment/confirm',
} as const;

/** Calls whose 401 means « bad credentials » or « session over », never « access token stale ». */
export function isSessionEndpoint(url: string): boolean {
  const path = pathOf(url);
  return [
    AUTH_API.login,
    AUTH_API.refresh,
    AUTH_API.logout,
    // A 401 there is a wrong code or a sign-in to start again: no session to renew.
    AUTH_API.secondFactorLogin,
    AUTH_API.secondFactorLoginEnrolment,
  ].includes(path as never);
}

export function isApiRequest(url: string): boolean {
  const path = pathOf(url);
  return path === '/api' || path.startsWith('/api/');
}

function pathOf(url: string): string {
  if (url.startsWith('/')) return url.split(/[?#]/, 1)[0];
  try {
    const parsed = new URL(url);
    return parsed.origin === globalThis.location?.origin ? parsed.pathname : '';
  } catch {
    return '';
  }
}
