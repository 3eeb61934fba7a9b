import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from './errors.ts';

z.config(z.locales.zhCN());

export type App = FastifyInstance;
export type TypedApp = ReturnType<FastifyInstance['withTypeProvider<ZodTypeProvider>']>;

const webDist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');

export async function createHttpApp(options: { logger?: boolean } = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 20 * 1024 * 1024,
    ajv: { customOptions: { coerceTypes: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: '梯度 Tidu — 优质中小企业梯度培育平台 API', version: '0.1.0' },
      servers: [],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof AppError) return reply.status(error.status).send(error.toJSON());
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => ({
        key: issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || issue.params?.issue?.path?.join('.') || '',
        message: issue.message,
      }));
      return reply
        .status(400)
        .send({ code: 'VALIDATION_FAILED', message: `请求内容不符合要求：${details.map((d) => `${d.key || '请求'}：${d.message}`).join('；')}`, details });
    }
    const status = (error as { statusCode?: number }).statusCode;
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
