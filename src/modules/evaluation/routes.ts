import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { AppDeps } from '../../server.ts';
import {
  dateSchema,
  evaluate,
  EvaluationOptionError,
  parseProfiles,
  ProfileParseError,
  standardsCatalogue,
  STANDARD_IDS,
} from '../../standards/index.ts';

const status = z.enum(['met', 'unmet', 'unknown', 'manual', 'not_applicable']);
const quality = z.enum(['R', 'S', 'U']);

const evaluateBody = z.object({
  as_of: dateSchema.describe('评价（决定）日期'),
  application: z.enum(['new', 're_review']).default('new').describe('new 新申请 / re_review 复核'),
  standards: z.array(z.enum(STANDARD_IDS)).optional().describe('要评价的标准，缺省为全部'),
  enterprises: z.array(z.unknown()).describe('企业画像（见合同 profile-example.json）'),
});

const criterion = z.looseObject({
  id: z.string(),
  status,
  value: z.unknown(),
  threshold: z.unknown(),
  gap: z.number().nullable(),
  unit: z.string().nullable(),
  source: z.string(),
  name: z.string(),
  quality,
});

const standardResult = z.looseObject({
  version: z.string(),
  status: z.enum(['qualified', 'not_qualified', 'insufficient_data', 'manual_review']),
  score: z.number().nullable(),
  criteria: z.array(criterion),
  missing: z.array(z.string()),
});

const evaluateResponse = z.object({
  as_of: z.string(),
  application: z.enum(['new', 're_review']),
  results: z.array(
    z.object({
      credit_code: z.string(),
      size_class: z.enum(['micro', 'small', 'medium', 'large']).nullable(),
      standards: z.partialRecord(z.enum(STANDARD_IDS), standardResult),
    }),
  ),
});

const catalogueQuery = z.object({ as_of: dateSchema.optional().describe('只列该日有效的版本与参数') });

const catalogueResponse = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    versions: z.array(
      z.looseObject({
        version: z.string(),
        name: z.string(),
        from: z.string(),
        to: z.string().nullable(),
        criteria: z.array(z.looseObject({ id: z.string(), name: z.string(), quality })),
        parameters: z.array(
          z.looseObject({ key: z.string(), name: z.string(), value: z.unknown(), unit: z.string(), from: z.string(), to: z.string().nullable(), source: z.string(), quality }),
        ),
      }),
    ),
  }),
);

const errorResponse = z.object({ code: z.string(), message: z.string(), details: z.unknown() });
const signedIn = { policy: { signedIn: true } } as const;

/** POST /api/evaluate (same output as `tidu evaluate`) and GET /api/standards (the catalogue). */
export async function evaluationRoutes(fastify: FastifyInstance, _deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['认定标准'];

  app.post('/api/evaluate', {
    config: signedIn,
    schema: {
      tags,
      summary: '按认定标准评价企业画像（输出与 tidu evaluate 相同）',
      body: evaluateBody,
      response: { 200: evaluateResponse, 400: errorResponse },
    },
    handler: async (request) => {
      const { as_of, application, standards, enterprises } = request.body;
      try {
        const { profiles } = parseProfiles(enterprises);
        return evaluate(profiles, { asOf: as_of, application, standards });
      } catch (error) {
        if (error instanceof ProfileParseError) {
          throw new AppError(
            'VALIDATION_FAILED',
            `企业画像有误：${error.message}`,
            error.issues.map((issue) => ({ key: issue.index === null ? 'enterprises' : `enterprises[${issue.index}].${issue.key}`, index: issue.index, path: issue.key, message: issue.message })),
          );
        }
        if (error instanceof EvaluationOptionError) throw new AppError('VALIDATION_FAILED', error.message);
        throw error;
      }
    },
  });

  app.get('/api/standards', {
    config: signedIn,
    schema: { tags, summary: '认定标准目录：版本、生效日期、指标与参数（含来源与质量标记）', querystring: catalogueQuery, response: { 200: catalogueResponse } },
    handler: async (request) => standardsCatalogue(request.query.as_of),
  });
}
