import type { Request } from 'express';
import { DomainError } from '@api/platform/http/domain-error';
import { assertOwnOrigin } from './refresh-cookie';

const request = (origin: string | undefined, host = '127.0.0.1:3000', protocol = 'http'): Request =>
  ({ headers: { origin, host }, protocol }) as unknown as Request;

describe('assertOwnOrigin (refresh and logout)', () => {
  const refused = (req: Request, config: Parameters<typeof assertOwnOrigin>[1]) => {
    try {
      assertOwnOrigin(req, config);
      return false;
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      return true;
    }
  };

  it('takes only PUBLIC_URL in production, not the origin the request names itself', () => {
    const production = { mode: 'production', publicUrl: 'https://passerelle.example.org' } as const;
    expect(refused(request('https://passerelle.example.org'), production)).toBe(false);
    expect(refused(request('http://127.0.0.1:3000'), production)).toBe(true);
    expect(refused(request('https://evil.example'), production)).toBe(true);
    expect(refused(request(undefined), production)).toBe(true);
  });

  it('takes PUBLIC_URL and the request’s own origin in demo mode (localhost or 127.0.0.1), nothing else', () => {
    const demo = { mode: 'demo', publicUrl: 'http://localhost:3000' } as const;
    expect(refused(request('http://localhost:3000', 'localhost:3000'), demo)).toBe(false);
    expect(refused(request('http://127.0.0.1:3000'), demo)).toBe(false);
    expect(refused(request('http://127.0.0.1:4000'), demo)).toBe(true);
    expect(refused(request('https://evil.example'), demo)).toBe(true);
    expect(refused(request('null'), demo)).toBe(true);
    expect(refused(request(undefined), demo)).toBe(true);
  });

  it('takes the request’s own origin alone without PUBLIC_URL', () => {
    const bare = { mode: 'demo', publicUrl: null } as const;
    expect(refused(request('http://127.0.0.1:3000'), bare)).toBe(false);
    expect(refused(request('http://localhost:3000'), bare)).toBe(true);
  });
});
