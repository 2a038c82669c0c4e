import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { SessionResponse } from '@leadloop/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppError } from '../../core/app-error';
import { Clock } from '../../core/clock';
import type { StaffIdentity } from '../../core/route';
import { STAFF_DIRECTORY, type StaffDirectory } from './staff-directory';

/** `app`: a person in the mini-program; `console`: a staff member on the desktop console. */
export type SessionKind = 'app' | 'console';

export interface SessionClaims {
  sub: string;
  stf: string | null;
  knd: SessionKind;
  iat: number;
  exp: number;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/** Issues and verifies the app's own session tokens (HS256 JWTs). */
@Injectable()
export class SessionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(STAFF_DIRECTORY) private readonly staff: StaffDirectory,
    private readonly clock: Clock,
  ) {}

  /** A session for the person, carrying their staff account when they have an active one. */
  async issue(personId: string, kind: SessionKind = 'app'): Promise<SessionResponse> {
    const staff = await this.staff.findActiveByPerson(personId);
    if (kind === 'console' && !staff) throw new AppError('FORBIDDEN', 'Only staff can sign in to the console');
    const ttl = kind === 'console' ? this.config.session.consoleTtlMinutes : this.config.session.ttlMinutes;
    const iat = Math.floor(this.clock.nowMs() / 1000);
    const claims: SessionClaims = { sub: personId, stf: staff?.id ?? null, knd: kind, iat, exp: iat + ttl * 60 };
    return {
      token: this.sign(claims),
      expiresAt: new Date(claims.exp * 1000).toISOString(),
      person: { id: personId },
      staff: staff ? toSummary(staff) : null,
    };
  }

  verify(token: string): SessionClaims {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) throw new AppError('SESSION_INVALID', 'Session token is invalid');
    const expected = this.signature(`${parts[0]}.${parts[1]}`);
    const given = Buffer.from(parts[2], 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new AppError('SESSION_INVALID', 'Session token is invalid');
    }
    let claims: SessionClaims;
    try {
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as SessionClaims;
    } catch {
      throw new AppError('SESSION_INVALID', 'Session token is invalid');
    }
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') throw new AppError('SESSION_INVALID', 'Session token is invalid');
    if (claims.exp * 1000 <= this.clock.nowMs()) throw new AppError('SESSION_EXPIRED', 'Session has expired; sign in again');
    return claims;
  }

  private sign(claims: SessionClaims): string {
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${HEADER}.${payload}.${this.signature(`${HEADER}.${payload}`).toString('base64url')}`;
  }

  private signature(input: string): Buffer {
    return createHmac('sha256', this.config.session.secret).update(input).digest();
  }
}

export function toSummary(staff: StaffIdentity): StaffIdentity {
  return { id: staff.id, name: staff.name, role: staff.role };
}
