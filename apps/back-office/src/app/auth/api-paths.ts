/** The auth routes of API.md. */
export const AUTH_API = {
  login: '/api/auth/login',
  refresh: '/api/auth/refresh',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  methods: '/api/auth/methods',
  proconnectLogin: '/api/auth/proconnect/login',
} as const;

/** Calls whose 401 means « bad credentials » or « session over », never « access token stale ». */
export function isSessionEndpoint(url: string): boolean {
  const path = pathOf(url);
  return path === AUTH_API.login || path === AUTH_API.refresh || path === AUTH_API.logout;
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
