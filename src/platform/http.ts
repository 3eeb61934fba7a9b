import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from './errors.ts';

z.config(z.locales.zhCN());

export type App = FastifyInstance;

const documentedOnly = new WeakSet<object>();
/**
 * A response schema that documents a hot read route (OpenAPI) without being checked on every response: checking and
 * re-encoding a portrait or a page of the registry through zod cost more CPU than the rest of the request. Such a
 * route builds its response field by field; the test suite (and `TIDU_CHECK_RESPONSES=1`) still checks every one.
 */
export function documentedResponse<T extends z.ZodType>(schema: T): T {
  documentedOnly.add(schema);
  return schema;
}
const checkAllResponses = Boolean(process.env.VITEST) || process.env.TIDU_CHECK_RESPONSES === '1';
const responseSerializer: typeof serializerCompiler = (route) =>
  !checkAllResponses && documentedOnly.has(route.schema as object) ? (data) => JSON.stringify(data) : serializerCompiler(route);

const webDist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

const API_HEADERS = { ...SECURITY_HEADERS, 'cache-control': 'no-store' };
const { 'content-security-policy': _csp, ...DOCS_HEADERS } = API_HEADERS;

export async function createHttpApp(options: { logger?: boolean; trustProxy?: boolean } = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 20 * 1024 * 1024,
    ajv: { customOptions: { coerceTypes: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer);
  await app.register(fastifyCookie);
  app.addHook('onSend', async (request, reply) => {
    const api = request.url.startsWith('/api/');
    reply.headers(api && request.url.startsWith('/api/docs') ? DOCS_HEADERS : api ? API_HEADERS : SECURITY_HEADERS);
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: '梯度 Tidu — 优质中小企业梯度培育平台 API', version: '0.1.0' },
      servers: [],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    if (error instanceof AppError) return reply.status(error.status).send(error.toJSON());
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => ({
        key: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: issue.message,
      }));
      return reply
        .status(400)
        .send({ code: 'VALIDATION_FAILED', message: `请求内容不符合要求：${details.map((d) => `${d.key || '请求'}：${d.message}`).join('；')}`, details });
    }
    const status = error.statusCode;
    if (status === 413) return reply.status(413).send({ code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大', details: null });
    if (status && status >= 400 && status < 500) {
      return reply.status(status).send({ code: 'VALIDATION_FAILED', message: `请求无效：${error.message}`, details: null });
    }
    request.log.error(error);
    return reply.status(500).send({ code: 'INTERNAL', message: '服务器内部错误，请稍后重试或联系管理员', details: null });
  });

  if (existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api/')) {
        return reply.status(404).send({ code: 'NOT_FOUND', message: '接口不存在', details: { url: request.url } });
      }
      return reply.sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler((request, reply) =>
      reply.status(404).send({ code: 'NOT_FOUND', message: '接口不存在', details: { url: request.url } }),
    );
  }
  return app;
}
