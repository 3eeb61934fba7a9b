import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/request-actor.ts';
import { principalOf, REGISTRY_READERS, REGISTRY_WRITERS, type Principal } from '../../platform/policy.ts';
import type { AppDeps } from '../../server.ts';
import * as repo from './repository.ts';
import { getHistory, getPortrait, getProfile } from './use-cases/get-portrait.ts';
import { historyResponse, portraitResponse } from './use-cases/get-portrait.types.ts';
import { listEnterprises } from './use-cases/list-enterprises.ts';
import { listEnterprisesQuery, listEnterprisesResponse } from './use-cases/list-enterprises.types.ts';
import { saveProfile } from './use-cases/save-profile.ts';
import { evaluateEnterprise } from './use-cases/evaluate-enterprise.ts';
import { registryStats } from './use-cases/registry-stats.ts';
import { todayIso } from '../../platform/dates.ts';
import { SharedCountCache } from './count-cache.ts';
import { documentedResponse } from '../../platform/http.ts';
import { saveProfileQuery, saveProfileResponse } from './use-cases/save-profile.types.ts';

const creditCodeParams = z.object({ credit_code: z.string().min(1).max(40).describe('统一社会信用代码') });
const errorResponse = z.object({ code: z.string(), message: z.string(), details: z.unknown() });
const readers = { policy: { roles: REGISTRY_READERS } } as const;
const writers = { policy: { roles: REGISTRY_WRITERS } } as const;
const signedIn = { policy: { signedIn: true } } as const;

const ownEnterprises = (principal: Principal) =>
  principal.grants.filter((grant) => grant.role === 'enterprise_user' && grant.credit_code).map((grant) => grant.credit_code!);
/** An enterprise user speaking only for itself declares its own figures, whatever source it names. */
const speaksOnlyForItself = (principal: Principal) => [...principal.roles].every((role) => role === 'enterprise_user');

export async function registryRoutes(fastify: FastifyInstance, { db, config }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const countCache = new SharedCountCache<number>(db, config.countCacheSeconds);
  const statsCache = new SharedCountCache<repo.RegistryCounts>(db, config.countCacheSeconds);
  const tags = ['企业库'];

  app.get('/api/enterprises', {
    config: readers,
    schema: { tags, summary: '企业名录（筛选、排序、键集分页）', querystring: listEnterprisesQuery, response: { 200: documentedResponse(listEnterprisesResponse) } },
    handler: (request) => listEnterprises(db, principalOf(request).scope, request.query, { countCache }),
  });

  app.get('/api/registry/stats', {
    config: readers,
    schema: {
      tags,
      summary: '企业库统计：总数、按规模、按区县、按当前有效称号',
      response: {
        200: documentedResponse(z.object({
          total: z.number().int(),
          by_size: z.record(z.string(), z.number().int()),
          by_title: z.record(z.string(), z.number().int()),
          by_district: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int() })),
        })),
      },
    },
    handler: (request) => registryStats(db, principalOf(request).scope, { cache: statsCache }),
  });

  app.get('/api/enterprises/:credit_code', {
    config: readers,
    schema: { tags, summary: '企业画像：画像数据、代码名称、数据来源与缺失项', params: creditCodeParams, response: { 200: documentedResponse(portraitResponse), 404: errorResponse } },
    handler: (request) => {
      const principal = principalOf(request);
      return getPortrait(db, principal.scope, { ...actorOf(request), ownEnterprises: ownEnterprises(principal) }, request.params.credit_code);
    },
  });

  app.get('/api/enterprises/:credit_code/profile', {
    config: readers,
    schema: { tags, summary: '按接口约定返回企业画像 JSON', params: creditCodeParams, response: { 200: z.record(z.string(), z.unknown()), 404: errorResponse } },
    handler: (request) => getProfile(db, principalOf(request).scope, request.params.credit_code),
  });

  app.put('/api/enterprises/:credit_code/profile', {
    config: writers,
    schema: {
      tags,
      summary: '保存企业画像（整份替换；更正形成新版本，旧值保留在变更历史中）',
      params: creditCodeParams,
      querystring: saveProfileQuery,
      body: z.unknown(),
      response: { 200: saveProfileResponse, 400: errorResponse, 409: errorResponse },
    },
    handler: (request) => {
      const principal = principalOf(request);
      const query = speaksOnlyForItself(principal) ? { ...request.query, source: 'self_declared' as const } : request.query;
      return saveProfile(db, actorOf(request), principal.scope, request.params.credit_code, request.body, query);
    },
  });

  app.get('/api/enterprises/:credit_code/history', {
    config: readers,
    schema: { tags, summary: '企业数据变更历史（新在前）', params: creditCodeParams, response: { 200: historyResponse, 404: errorResponse } },
    handler: (request) => getHistory(db, principalOf(request).scope, request.params.credit_code),
  });

  app.get('/api/enterprises/:credit_code/evaluation', {
    config: readers,
    schema: {
      tags: ['认定标准'],
      summary: '按认定标准评价一家企业（含每条指标的取值、门槛、差距与依据）',
      params: creditCodeParams,
      querystring: z.object({
        as_of: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '应为 YYYY-MM-DD 格式的日期' }).optional().describe('评价基准日，默认今天'),
        application: z.enum(['new', 're_review']).default('new').describe('申报类型：新申报或复核'),
      }),
      response: {
        200: documentedResponse(z.object({ as_of: z.string(), application: z.enum(['new', 're_review']), result: z.record(z.string(), z.unknown()) })),
        404: errorResponse,
        403: errorResponse,
      },
    },
    handler: (request) =>
      evaluateEnterprise(db, principalOf(request).scope, request.params.credit_code, {
        asOf: request.query.as_of ?? todayIso(),
        application: request.query.application,
      }),
  });

  const referenceTags = ['基础数据'];
  app.get('/api/reference/districts', {
    config: signedIn,
    schema: { tags: referenceTags, summary: '重庆市 41 个区县（含两江新区、重庆高新区、万盛经开区）' },
    handler: async () => (await repo.listDistricts(db)).map(({ code, name, short_name, kind, region_group }) => ({ code, name, short_name, kind, region_group })),
  });
  app.get('/api/reference/chains', {
    config: signedIn,
    schema: { tags: referenceTags, summary: '33 条重点产业链' },
    handler: async () => (await repo.listChains(db)).map(({ id, name, sector_id, sector_name }) => ({ id, name, sector_id, sector_name })),
  });
  app.get('/api/reference/industries', {
    config: signedIn,
    schema: {
      tags: referenceTags,
      summary: '国民经济行业分类（GB/T 4754-2017）',
      querystring: z.object({ q: z.string().optional(), level: z.enum(['section', 'division', 'group', 'class']).optional() }),
    },
    handler: async (request) => {
      const { q, level } = request.query;
      return (await repo.listIndustries(db))
        .filter((row) => (!level || row.level === level) && (!q || row.code.startsWith(q) || row.name.includes(q)))
        .map(({ code, name, level: rowLevel, parent_code }) => ({ code, name, level: rowLevel, parent_code }));
    },
  });
  app.get('/api/reference/geojson', {
    config: signedIn,
    schema: { tags: referenceTags, summary: '重庆市区县边界（开发与内部看板用，非标准地图）' },
    handler: async () => repo.loadDocument(db, 'chongqing_geojson'),
  });
  app.get('/api/reference/clusters', {
    config: signedIn,
    schema: { tags: referenceTags, summary: '“33618”现代制造业集群体系' },
    handler: async () => repo.loadDocument(db, 'clusters_33618'),
  });
}
