import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CITY_ROLES, principalOf, REGISTRY_READERS, type Role } from '../../platform/policy.ts';
import { actorOf } from '../../platform/request-actor.ts';
import type { AppDeps } from '../../server.ts';
import { DiscoveryRunner, runnerSettings } from './runner.ts';
import { listCandidates } from './use-cases/candidates.ts';
import { candidatesQuery, candidatesResponse } from './use-cases/candidates.types.ts';
import { diffRuns } from './use-cases/diff-runs.ts';
import { diffQuery, diffResponse } from './use-cases/diff-runs.types.ts';
import { exportCandidates, exportDiff, exportKeyList, exportWarnings } from './use-cases/export.ts';
import { getFunnel } from './use-cases/funnel.ts';
import { funnelQuery, funnelResponse } from './use-cases/funnel.types.ts';
import { promotionQuery, promotionResponse, whatIfBody, whatIfResponse } from './use-cases/gaps.types.ts';
import { addMember, createKeyList, getKeyList, listKeyLists, removeMember } from './use-cases/key-lists.ts';
import {
  addMemberBody,
  createKeyListBody,
  keyListDetail,
  keyListDetailQuery,
  keyListQuery,
  keyListView,
  memberParams,
  removeMemberBody,
} from './use-cases/key-lists.types.ts';
import { getRun, listRuns } from './use-cases/list-runs.ts';
import { getPromotionPath } from './use-cases/promotion-path.ts';
import { runIdParams, runsResponse, runView, startRunBody } from './use-cases/runs.types.ts';
import { startRun } from './use-cases/start-run.ts';
import { listWarnings } from './use-cases/warnings.ts';
import { warningsQuery, warningsResponse } from './use-cases/warnings.types.ts';
import { whatIf } from './use-cases/what-if.ts';

/** Officers who work with discovery results, each within their scope. */
export const DISCOVERY_READERS: readonly Role[] = ['city_admin', 'city_officer', 'district_officer'];

const errorResponse = z.object({ code: z.string(), message: z.string(), details: z.unknown() });
const creditCodeParams = z.object({ credit_code: z.string().min(1).max(40).describe('统一社会信用代码') });
const idParams = z.object({ id: z.coerce.number().int().positive() });
const readers = { policy: { roles: DISCOVERY_READERS } } as const;
const city = { policy: { roles: CITY_ROLES } } as const;
const portraitReaders = { policy: { roles: REGISTRY_READERS } } as const;
const tags = ['主动发现'];

function sendWorkbook(reply: FastifyReply, file: { filename: string; body: Buffer }) {
  reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
  return reply.send(file.body);
}

export async function discoveryRoutes(fastify: FastifyInstance, { db, config }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // Without it the run's chunks wait for `tidu worker` processes.
  const runner = config.serverRunsJobs ? new DiscoveryRunner(db, runnerSettings(db.kind)) : null;
  fastify.addHook('onReady', async () => runner?.start());
  fastify.addHook('onClose', async () => runner?.stop());

  app.get('/api/discovery/runs', {
    config: readers,
    schema: { tags, summary: '评价批次记录（含进度、速度与剩余时间）', querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }), response: { 200: runsResponse } },
    handler: (request) => listRuns(db, principalOf(request).scope, request.query.limit),
  });

  app.post('/api/discovery/runs', {
    config: city,
    schema: { tags, summary: '发起全库评价（后台执行）', body: startRunBody, response: { 202: runView, 409: errorResponse } },
    handler: async (request, reply) => {
      const { view } = await startRun(db, actorOf(request), request.body, 'page');
      runner?.wake();
      return reply.status(202).send(view);
    },
  });

  app.get('/api/discovery/runs/:id', {
    config: readers,
    schema: { tags, summary: '评价批次详情与进度', params: runIdParams, response: { 200: runView, 404: errorResponse } },
    handler: (request) => getRun(db, principalOf(request).scope, request.params.id),
  });

  app.get('/api/discovery/funnel', {
    config: readers,
    schema: { tags, summary: '梯度培育漏斗：各梯度持有称号、符合标准与仅差一项的企业数', querystring: funnelQuery, response: { 200: funnelResponse, 409: errorResponse } },
    handler: (request) => getFunnel(db, principalOf(request).scope, request.query),
  });

  app.get('/api/discovery/candidates', {
    config: readers,
    schema: { tags, summary: '候选企业：按接近达标程度排序，附未达标指标及差额', querystring: candidatesQuery, response: { 200: candidatesResponse, 409: errorResponse } },
    handler: (request) => listCandidates(db, principalOf(request).scope, request.query),
  });

  app.get('/api/discovery/candidates/export', {
    config: readers,
    schema: { tags, summary: '导出候选企业（Excel）', querystring: candidatesQuery.omit({ limit: true, offset: true }) },
    handler: async (request, reply) => sendWorkbook(reply, await exportCandidates(db, principalOf(request).scope, request.query)),
  });

  app.get('/api/discovery/diff', {
    config: readers,
    schema: { tags, summary: '两次评价之间的变化：新达标、不再达标、结果变化（按区县、产业链）', querystring: diffQuery, response: { 200: diffResponse, 409: errorResponse } },
    handler: (request) => diffRuns(db, principalOf(request).scope, request.query),
  });

  app.get('/api/discovery/diff/export', {
    config: readers,
    schema: { tags, summary: '导出评价变化（Excel）', querystring: diffQuery.omit({ limit: true, offset: true }) },
    handler: async (request, reply) => sendWorkbook(reply, await exportDiff(db, principalOf(request).scope, request.query)),
  });

  app.get('/api/discovery/warnings', {
    config: readers,
    schema: { tags, summary: '复核预警：称号将到期且按复核口径现不达标的企业', querystring: warningsQuery, response: { 200: warningsResponse, 409: errorResponse } },
    handler: (request) => listWarnings(db, principalOf(request).scope, request.query),
  });

  app.get('/api/discovery/warnings/export', {
    config: readers,
    schema: { tags, summary: '导出复核预警（Excel）', querystring: warningsQuery.omit({ limit: true, offset: true }) },
    handler: async (request, reply) => sendWorkbook(reply, await exportWarnings(db, principalOf(request).scope, request.query)),
  });

  app.get('/api/enterprises/:credit_code/promotion-path', {
    config: portraitReaders,
    schema: {
      tags: ['差距分析'],
      summary: '最小达标路径：达到目标标准需调整的数据、幅度与单位（仅随时间增长的指标给出预计满足日期）',
      params: creditCodeParams,
      querystring: promotionQuery,
      response: { 200: promotionResponse, 403: errorResponse, 404: errorResponse },
    },
    handler: (request) => getPromotionPath(db, principalOf(request).scope, request.params.credit_code, request.query),
  });

  app.post('/api/enterprises/:credit_code/what-if', {
    config: portraitReaders,
    schema: {
      tags: ['差距分析'],
      summary: '模拟测算：修改数据后重新评价（不保存）',
      params: creditCodeParams,
      body: whatIfBody,
      response: { 200: whatIfResponse, 403: errorResponse, 404: errorResponse },
    },
    handler: (request) => whatIf(db, principalOf(request).scope, request.params.credit_code, request.body),
  });

  const listTags = ['重点清单'];
  app.get('/api/key-lists', {
    config: readers,
    schema: { tags: listTags, summary: '重点清单与培育库', querystring: keyListQuery, response: { 200: z.object({ items: z.array(keyListView) }) } },
    handler: (request) => listKeyLists(db, principalOf(request).scope, request.query),
  });

  app.post('/api/key-lists', {
    config: readers,
    schema: { tags: listTags, summary: '新建重点清单（区县清单或市级培育库）', body: createKeyListBody, response: { 201: keyListView, 400: errorResponse, 409: errorResponse } },
    handler: async (request, reply) => reply.status(201).send(await createKeyList(db, actorOf(request), principalOf(request).scope, request.body)),
  });

  app.get('/api/key-lists/:id', {
    config: readers,
    schema: { tags: listTags, summary: '清单成员：当前评价结果与加入以来的变化', params: idParams, querystring: keyListDetailQuery, response: { 200: keyListDetail, 404: errorResponse } },
    handler: (request) => getKeyList(db, principalOf(request).scope, request.params.id, request.query.history === 'true'),
  });

  app.get('/api/key-lists/:id/export', {
    config: readers,
    schema: { tags: listTags, summary: '导出清单成员及变动历史（Excel）', params: idParams },
    handler: async (request, reply) => sendWorkbook(reply, await exportKeyList(db, principalOf(request).scope, request.params.id)),
  });

  app.post('/api/key-lists/:id/members', {
    config: readers,
    schema: { tags: listTags, summary: '将企业加入清单（须填写理由）', params: idParams, body: addMemberBody, response: { 200: keyListDetail, 404: errorResponse, 409: errorResponse } },
    handler: (request) => addMember(db, actorOf(request), principalOf(request).scope, request.params.id, request.body),
  });

  app.delete('/api/key-lists/:id/members/:credit_code', {
    config: readers,
    schema: { tags: listTags, summary: '将企业移出清单（须填写理由，保留历史）', params: memberParams, body: removeMemberBody, response: { 200: keyListDetail, 404: errorResponse } },
    handler: (request) => removeMember(db, actorOf(request), principalOf(request).scope, request.params.id, request.params.credit_code, request.body.reason),
  });
}
