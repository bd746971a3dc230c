import { createRemoteJWKSet, jwtVerify, SignJWT, JWTVerifyGetKey } from 'jose';
import { StaffRole, staffRoles } from '@mukti/contracts';

/** Who is calling: the token's subject and their one platform role. */
export interface StaffPrincipal {
  readonly sub: string;
  readonly role: StaffRole;
}

export interface TokenSettings {
  AUTH_JWT_SECRET: string;
  AUTH_JWKS_URL?: string;
  AUTH_ISSUER: string;
  AUTH_AUDIENCE: string;
}

export class InvalidTokenError extends Error {}

/**
 * Verifies staff bearer tokens: against the OIDC provider's JWKS in production
 * (AUTH_JWKS_URL), or an HS256 secret for development and tests. Signature, issuer, audience
 * and expiry are all checked; the role must be one of the platform's roles.
 */
export class StaffTokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;

  constructor(private readonly settings: TokenSettings) {
    this.key = settings.AUTH_JWKS_URL
      ? createRemoteJWKSet(new URL(settings.AUTH_JWKS_URL))
      : new TextEncoder().encode(settings.AUTH_JWT_SECRET);
  }

  async verify(token: string): Promise<StaffPrincipal> {
    try {
      const { payload } = await jwtVerify(token, this.key as Uint8Array, {
        issuer: this.settings.AUTH_ISSUER,
        audience: this.settings.AUTH_AUDIENCE,
        requiredClaims: ['sub', 'exp'],
        algorithms: this.settings.AUTH_JWKS_URL ? ['RS256', 'ES256', 'PS256'] : ['HS256'],
      });
      // jose checks that sub is there, not that it names anyone: the audit trail and case teams need someone.
      if (typeof payload.sub !== 'string' || payload.sub.trim() === '') throw new InvalidTokenError('the token names no subject (sub)');
      const role = payload['role'];
      if (typeof role !== 'string' || !(staffRoles as readonly string[]).includes(role)) {
        throw new InvalidTokenError(`the token's role "${String(role)}" is not a platform role`);
      }
      return { sub: payload.sub, role: role as StaffRole };
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      throw new InvalidTokenError((error as Error).message);
    }
  }
}

/** A development token signed with AUTH_JWT_SECRET (`npm run token`, and the tests). */
export async function signDevelopmentToken(
  settings: Pick<TokenSettings, 'AUTH_JWT_SECRET' | 'AUTH_ISSUER' | 'AUTH_AUDIENCE'>,
  claims: { sub: string; role: string },
  expiresIn = '8h',
): Promise<string> {
  return new SignJWT({ role: claims.role })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuer(settings.AUTH_ISSUER)
    .setAudience(settings.AUTH_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(settings.AUTH_JWT_SECRET));
}
