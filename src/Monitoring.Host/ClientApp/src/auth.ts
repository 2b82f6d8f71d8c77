// Sign-in (POST /api/auth/token) and what the console reads from the token's claims.

export interface User {
  name: string;
  roles: string[];
  /** Sector ids from the "sector" claims; "*" means every sector. */
  sectors: string[];
  token: string;
  expiresAt?: string;
}

const ROLE_CLAIMS = ['role', 'roles', 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role'];
const NAME_CLAIMS = ['name', 'unique_name', 'preferred_username', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name', 'sub'];
const SECTOR_CLAIMS = ['sector', 'sectors'];

export class SignInError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

export async function signIn(username: string, password: string): Promise<User> {
  const response = await fetch('/api/auth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) {
    const reason = response.status === 401 || response.status === 400 ? 'Wrong user name or password.' : `Sign-in failed (${response.status}).`;
    throw new SignInError(reason, response.status);
  }

  const body = (await response.json()) as { accessToken: string; expiresAt?: string };
  return userFromToken(body.accessToken, username, body.expiresAt);
}

export function userFromToken(token: string, fallbackName: string, expiresAt?: string): User {
  const claims = decodeJwt(token);
  const name = firstString(claims, NAME_CLAIMS) ?? fallbackName;
  return { name, roles: allStrings(claims, ROLE_CLAIMS), sectors: allStrings(claims, SECTOR_CLAIMS), token, expiresAt };
}

export function decodeJwt(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) {
    return {};
  }

  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function allStrings(claims: Record<string, unknown>, names: string[]): string[] {
  const values = new Set<string>();
  for (const name of names) {
    const value = claims[name];
    if (typeof value === 'string') {
      value.split(/[,\s]+/).filter(Boolean).forEach((v) => values.add(v));
    } else if (Array.isArray(value)) {
      value.filter((v): v is string => typeof v === 'string').forEach((v) => values.add(v));
    }
  }

  return [...values];
}

function firstString(claims: Record<string, unknown>, names: string[]): string | undefined {
  for (const name of names) {
    const value = claims[name];
    if (typeof value === 'string' && value) {
      return value;
    }
  }

  return undefined;
}

export function coversSector(user: User, sectorId: string): boolean {
  return user.sectors.includes('*') || user.sectors.includes(sectorId);
}

export function hasRole(user: User, ...roles: string[]): boolean {
  return roles.some((r) => user.roles.includes(r));
}
