/**
 * What never reaches the logs: credentials, tokens and personal fields of applicants and users.
 * Paths follow pino's redact syntax; `*.x` catches the key one level down anywhere it is logged.
 */
const SECRET_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'activationCode',
  'accessToken',
  'refreshToken',
  'token',
  'tokenSecret',
  'authorization',
  'cookie',
];

const PERSONAL_KEYS = [
  'lastName',
  'usageName',
  'birthName',
  'firstNames',
  'birthDate',
  'birthPlace',
  'phone',
  'email',
  'address',
  'sneNumber',
  'notes',
  'note',
  'diagnosis',
  'displayName',
  'username',
];

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  ...[...SECRET_KEYS, ...PERSONAL_KEYS].flatMap((key) => [key, `*.${key}`]),
];

/** A URL with its query values removed: `?q=dupont` carries a name. */
export function redactUrl(url: string): string {
  const index = url.indexOf('?');
  if (index < 0) return url;
  const params = new URLSearchParams(url.slice(index + 1));
  const keys = [...new Set(params.keys())];
  return `${url.slice(0, index)}?${keys.map((key) => `${encodeURIComponent(key)}=[REDACTED]`).join('&')}`;
}
