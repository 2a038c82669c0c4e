import {
  applyDecorators,
  type CallHandler,
  createParamDecorator,
  type ExecutionContext,
  HttpCode,
  Injectable,
  type NestInterceptor,
  RequestMapping,
  RequestMethod,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FileFieldsInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import { map, type Observable } from 'rxjs';
import { type ApiRoute, roleAllowed, type StaffRole } from '@leadloop/shared';
import type { z } from 'zod';
import { AppError } from './app-error';

export const ROUTE_META = 'leadloop:route';

/**
 * Binds a controller method to its contract in `shared/src/api.ts`: HTTP method and path under
 * /api, status code, who may call it, and the body schema the request is validated against.
 */
export function Route(route: ApiRoute): MethodDecorator {
  const path = `/api${route.path.replace(/\{(\w+)\}/g, ':$1')}`;
  return applyDecorators(
    RequestMapping({ path, method: RequestMethod[route.method] }),
    HttpCode(route.status ?? 200),
    SetMetadata(ROUTE_META, route),
    // multipart: multer reads the declared file parts (limits from the feature's MulterModule), then the text fields are checked
    ...(route.files ? [UseInterceptors(FileFieldsInterceptor(route.files.map((f) => ({ name: f.name, maxCount: 1 }))), MultipartBodyInterceptor)] : []),
  );
}

/** A file part as multer keeps it in memory. */
export interface UploadedPart {
  fieldname: string;
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** `@UploadedFiles()` of a multipart route: each declared part, when sent. */
export type UploadedParts = Partial<Record<string, UploadedPart[]>>;

export interface StaffIdentity {
  id: string;
  name: string;
  role: StaffRole;
}

/** Who is calling, as established by the session guard. */
export interface AuthContext {
  personId: string;
  staff: StaffIdentity | null;
}

/** The token of an `Authorization: Bearer …` header (null without one). */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError('SESSION_INVALID', 'Authorization header must be "Bearer <token>"');
  return match[1];
}

/**
 * Who is calling and whether they may, as every route decides it (the AuthGuard and the direct
 * routes both call this): a public route takes a valid session when sent, a person route needs
 * one, a staff route needs an active staff account whose role its rule allows.
 */
export async function authorize(route: ApiRoute, header: string | undefined, authenticate: (token: string) => Promise<AuthContext>): Promise<AuthContext | null> {
  const token = bearerToken(header);
  if (route.access === 'public') return token ? authenticate(token).catch(() => null) : null;
  if (!token) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  const auth = await authenticate(token);
  if (route.access === 'person') return auth;
  if (!auth.staff) throw new AppError('FORBIDDEN', 'Staff only');
  if (!roleAllowed(route.access, auth.staff.role)) throw new AppError('FORBIDDEN', 'Your role may not do this');
  return auth;
}

export type AuthedRequest = Request & { auth?: AuthContext; requestId?: string };

export const Auth = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext => {
  const auth = ctx.switchToHttp().getRequest<AuthedRequest>().auth;
  if (!auth) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return auth;
});

/** The caller on a public route, when they sent a valid session (null otherwise). */
export const MaybeAuth = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext | null => {
  return ctx.switchToHttp().getRequest<AuthedRequest>().auth ?? null;
});

/** The route's query string, parsed against its contract by the ContractInterceptor. */
export const ValidQuery = createParamDecorator((_: unknown, ctx: ExecutionContext): unknown => {
  return ctx.switchToHttp().getRequest<Request & { validQuery?: unknown }>().validQuery;
});

export function formatIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));
}

/**
 * Validates the body against the route's schema before the handler runs (so `@Body()` receives
 * parsed, typed data) and, where enabled, checks responses against the contract.
 */
@Injectable()
export class ContractInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly checkResponses: boolean,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const route = this.reflector.get<ApiRoute | undefined>(ROUTE_META, context.getHandler());
    if (!route) return next.handle();
    const req = context.switchToHttp().getRequest<Request & { validQuery?: unknown }>();
    if (route.query) {
      const parsed = route.query.safeParse(req.query ?? {});
      if (!parsed.success) {
        throw new AppError('VALIDATION_FAILED', 'Query parameters are invalid', { fields: formatIssues(parsed.error) });
      }
      req.validQuery = parsed.data;
    }
    // a multipart body is read later, by the route's own interceptors (see MultipartBodyInterceptor)
    if (route.body && !route.files) req.body = validBody(route.body, req.body);
    if (!this.checkResponses) return next.handle();
    return next.handle().pipe(
      map((body: unknown) => {
        const checked = route.response.safeParse(body);
        if (!checked.success) {
          throw new Error(`Response of ${route.method} ${route.path} breaks its contract: ${checked.error.message}`);
        }
        return body;
      }),
    );
  }
}

function validBody(schema: z.ZodType, body: unknown): unknown {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'Request body is invalid', { fields: formatIssues(parsed.error) });
  return parsed.data;
}

/** Checks a multipart route's text fields against its contract once multer has read them. */
@Injectable()
export class MultipartBodyInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const route = this.reflector.get<ApiRoute | undefined>(ROUTE_META, context.getHandler());
    const req = context.switchToHttp().getRequest<Request>();
    if (!req.is('multipart/form-data')) {
      throw new AppError('VALIDATION_FAILED', 'Send this request as multipart/form-data', { fields: [{ path: 'content-type', message: 'must be multipart/form-data' }] });
    }
    // multer's body object has no prototype; validate a plain copy
    if (route?.body) req.body = validBody(route.body, { ...req.body });
    return next.handle();
  }
}
