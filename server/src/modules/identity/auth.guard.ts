import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ApiRoute } from '@leadloop/shared';
import { AppError } from '../../core/app-error';
import { PUBLIC_META } from '../../core/public';
import { RateLimits } from '../../core/rate-limits';
import { type AuthContext, type AuthedRequest, authorize, ROUTE_META } from '../../core/route';
import { PersonRepository } from './person.repository';
import { SessionService } from './session.service';
import { STAFF_DIRECTORY, type StaffDirectory } from './staff-directory';

/**
 * Every request through Nest passes here; the direct routes decide with the same `authorize`.
 * Routes declare who may call them in the contract table; a route that declares nothing is
 * refused. Staff roles are read from the database on each request, so a role change or a
 * disabled account takes effect at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    @Inject(STAFF_DIRECTORY) private readonly staff: StaffDirectory,
    private readonly persons: PersonRepository,
    private readonly limits: RateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const route = this.reflector.get<ApiRoute | undefined>(ROUTE_META, context.getHandler());
    if (!route) {
      if (this.reflector.get<boolean>(PUBLIC_META, context.getClass())) return true;
      throw new AppError('FORBIDDEN', 'This route is not open');
    }
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const auth = await authorize(route, req.headers.authorization, (token) => this.authenticate(token));
    if (auth) req.auth = auth;
    await this.limits.check(route, { address: req.ip ?? req.socket.remoteAddress ?? 'unknown', auth, body: req.body });
    return true;
  }

  /** The caller a session token names, checked as for every route. */
  async authenticate(token: string): Promise<AuthContext> {
    const claims = this.sessions.verify(token);
    // a person who erased their data (我的 → delete) has no valid session left; a merged record's session acts as the survivor
    const personId = await this.persons.currentId(claims.sub);
    if (personId === null) throw new AppError('SESSION_INVALID', 'This session’s person no longer exists');
    if (!claims.stf) return { personId, staff: null };
    const staff = await this.staff.findById(claims.stf);
    if (!staff || staff.personId !== personId) return { personId, staff: null };
    if (staff.status !== 'active') throw new AppError('STAFF_DISABLED', 'This staff account is disabled');
    return { personId, staff: { id: staff.id, name: staff.name, role: staff.role } };
  }
}
