import { Api, type ApiRoute, ErrorCodes } from '@leadloop/shared';
import { z } from 'zod';

const errorSchema = {
  type: 'object',
  required: ['code', 'message', 'requestId'],
  properties: {
    code: { type: 'string', enum: Object.keys(ErrorCodes) },
    message: { type: 'string' },
    details: {},
    requestId: { type: 'string' },
  },
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): unknown {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });
}

function operation(name: string, route: ApiRoute): Record<string, unknown> {
  const status = String(route.status ?? 200);
  const params: Record<string, unknown>[] = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, p]) => ({ name: p, in: 'path', required: true, schema: { type: 'string' } }));
  if (route.query) {
    const schema = jsonSchema(route.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      params.push({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: property });
    }
  }
  const roles = typeof route.access === 'string' ? route.access : route.access.join(', ');
  return {
    operationId: name,
    summary: route.summary,
    description: `Access: ${roles}`,
    tags: [route.tag],
    ...(params.length ? { parameters: params } : {}),
    ...(route.access === 'public' ? { security: [] } : {}),
    ...requestBody(route),
    responses: {
      [status]: { description: 'Success', content: route.produces ? { [route.produces]: { schema: BINARY } } : { 'application/json': { schema: jsonSchema(route.response, 'output') } } },
      default: { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    },
  };
}

const BINARY = { type: 'string', format: 'binary' };

/** JSON, or multipart/form-data with the declared file parts beside the text fields. */
function requestBody({ body, files }: ApiRoute): Record<string, unknown> {
  if (!files) return body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(body, 'input') } } } } : {};
  const fields = (body ? jsonSchema(body, 'input') : { type: 'object' }) as { properties?: Record<string, unknown>; required?: string[] };
  const required = [...(fields.required ?? []), ...files.filter((f) => f.required).map((f) => f.name)];
  const schema = {
    ...fields,
    properties: { ...fields.properties, ...Object.fromEntries(files.map((f) => [f.name, { ...BINARY, description: f.accept.join(', ') }])) },
    // OpenAPI 3.0 forbids an empty `required`
    ...(required.length > 0 ? { required } : { required: undefined }),
  };
  return { requestBody: { required: true, content: { 'multipart/form-data': { schema } } } };
}

/** The OpenAPI 3 document, generated from the contract table in shared/. */
export function buildOpenApi(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, route] of Object.entries(Api) as [string, ApiRoute][]) {
    const path = `/api${route.path}`;
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operation(name, route);
  }
  return {
    openapi: '3.0.3',
    info: { title: 'LeadLoop API', version, description: 'Private-domain lead capture for B2B companies inside WeChat.' },
    servers: [{ url: '/' }],
    security: [{ session: [] }],
    components: {
      securitySchemes: { session: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}
