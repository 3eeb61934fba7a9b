import { todayIso } from '../../platform/dates.ts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { CITY_ROLES, principalOf, REGISTRY_READERS, REGISTRY_WRITERS, type Principal } from '../../platform/policy.ts';
import { actorOf } from '../../platform/request-actor.ts';
import type { AppDeps } from '../../server.ts';
import { referenceSets } from '../registry/reference-sets.ts';
import { listEnterprisesQuery } from '../registry/use-cases/list-enterprises.types.ts';
import { ImportRunner } from './runner.ts';
import { IMPORT_KIND_LABELS } from './sheets.ts';
import { buildTemplate } from './use-cases/build-template.ts';
import { requestCommit } from './use-cases/commit-import.ts';
import { errorWorkbook } from './use-cases/error-workbook.ts';
import { exportEnterprises } from './use-cases/export-enterprises.ts';
import { exportProfiles } from './use-cases/export-profiles.ts';
import { getImport } from './use-cases/get-import.ts';
import { batchDetail, batchList, batchParams, batchRowsQuery, batchSummary, importKind, startImportQuery } from './use-cases/imports.types.ts';
import { listImports, type Viewer } from './use-cases/list-imports.ts';
import { startImport } from './use-cases/start-import.ts';
import { undoImport } from './use-cases/undo-import.ts';

const importers = { policy: { roles: REGISTRY_WRITERS } } as const;
const readers = { policy: { roles: REGISTRY_READERS } } as const;
const errorResponse = z.object({ code: z.string(), message: z.string(), details: z.unknown() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UPLOAD_LIMIT = 200 * 1024 * 1024;

function viewerOf(request: Parameters<typeof actorOf>[0]): Viewer {
  const principal = principalOf(request);
  return { actor: actorOf(request), seesAll: CITY_ROLES.some((role) => principal.roles.has(role)) };
}

/** An enterprise user speaking only for itself declares its own figures. */
const sourceOf = (principal: Principal) => ([...principal.roles].every((role) => role === 'enterprise_user') ? 'self_declared' : 'import');

const attachment = (reply: FastifyReply, type: string, fileName: string) =>
  reply.header('content-type', type).header('content-disposition', `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(fileName)}`);

export async function intakeRoutes(fastify: FastifyInstance, { db, config }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['数据交换'];
  // Checking a file and committing a batch are jobs; without a runner here they wait for `tidu worker` processes.
  const runner = config.serverRunsJobs ? new ImportRunner(db) : null;
  fastify.addHook('onReady', async () => runner?.start());
  fastify.addHook('onClose', async () => runner?.stop());
  // Files arrive as the request body itself, so that the page can show upload progress and large files need no multipart parsing.
  app.addContentTypeParser(['application/octet-stream', XLSX, 'text/csv'], { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_request, body, done) => done(null, body));

  app.get('/api/intake/templates/:type', {
    config: importers,
    schema: { tags, summary: '下载导入模板（.xlsx：中文表头、填写说明、下拉选项与单元格校验）', params: z.object({ type: importKind }) },
    handler: async (request, reply) => {
      const template = await buildTemplate(request.params.type, await referenceSets(db));
      return attachment(reply, XLSX, `${IMPORT_KIND_LABELS[request.params.type]}导入模板.xlsx`).send(template);
    },
  });

  app.post('/api/intake/imports', {
    config: importers,
    schema: {
      tags,
      summary: '上传文件并试导入（只检查、不写入，由后台任务执行，轮询批次查看进度）；请求体为文件本身（.xlsx 或 CSV，UTF-8 或 GBK）',
      querystring: startImportQuery,
      response: { 202: batchSummary, 400: errorResponse, 415: errorResponse },
    },
    handler: async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以文件内容作为请求体上传（Content-Type: application/octet-stream、text/csv 或 .xlsx 类型）');
      }
      const viewer = viewerOf(request);
      const { id } = await startImport(db, viewer, principalOf(request).username, { kind: request.query.type, fileName: request.query.file_name, file: request.body });
      runner?.wake();
      const detail = await getImport(db, viewer, id, { limit: 1, offset: 0 });
      return reply.status(202).send({ ...detail, rows: undefined } as never);
    },
  });

  app.get('/api/intake/imports', {
    config: importers,
    schema: { tags, summary: '导入记录（市级可见全部，其他用户可见本人上传的批次）', response: { 200: batchList } },
    handler: (request) => listImports(db, viewerOf(request)),
  });

  app.get('/api/intake/imports/:id', {
    config: importers,
    schema: { tags, summary: '导入批次：状态、进度、统计与逐行结果（新增、更新前后值、未变、拒绝原因）', params: batchParams, querystring: batchRowsQuery, response: { 200: batchDetail, 404: errorResponse } },
    handler: (request) => getImport(db, viewerOf(request), request.params.id, request.query),
  });

  app.post('/api/intake/imports/:id/commit', {
    config: importers,
    schema: {
      tags,
      summary: '确认导入：排入后台任务，在一个事务中写入全部有效行（被拒绝的行不写入）；轮询批次查看进度与结果',
      params: batchParams,
      response: { 202: batchSummary, 404: errorResponse, 409: errorResponse },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const summary = await requestCommit(db, viewerOf(request), principal.username, request.params.id, { source: sourceOf(principal) });
      runner?.wake();
      return reply.status(202).send(summary);
    },
  });

  app.post('/api/intake/imports/:id/undo', {
    config: importers,
    schema: { tags, summary: '撤销导入：恢复导入前的值，删除导入新建的企业；之后被修改过的值不覆盖，整批拒绝撤销', params: batchParams, response: { 200: batchSummary, 404: errorResponse, 409: errorResponse } },
    handler: (request) => undoImport(db, viewerOf(request), principalOf(request).scope, request.params.id),
  });

  app.get('/api/intake/imports/:id/errors.xlsx', {
    config: importers,
    schema: { tags, summary: '下载标注了“错误原因”列的原文件', params: batchParams },
    handler: async (request, reply) => {
      const workbook = await errorWorkbook(db, viewerOf(request), request.params.id);
      return attachment(reply, XLSX, `导入批次${request.params.id}_错误原因.xlsx`).send(workbook);
    },
  });

  app.get('/api/exports/enterprises.xlsx', {
    config: readers,
    schema: { tags, summary: '按当前筛选条件导出企业名录（.xlsx，表头含单位，未知数值留空）', querystring: listEnterprisesQuery.omit({ cursor: true, limit: true, with_total: true }) },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const stream = await exportEnterprises(db, actorOf(request), principal.scope, { ...request.query, limit: 500, with_total: 'true' });
      return attachment(reply, XLSX, `企业名录_${todayIso()}.xlsx`).send(stream);
    },
  });

  app.get('/api/exports/profiles.json', {
    config: readers,
    schema: { tags, summary: '导出企业画像（接口约定的 JSON：{ "enterprises": [ … ] }）' },
    handler: async (request, reply) => {
      const stream = await exportProfiles(db, actorOf(request), principalOf(request).scope);
      return attachment(reply, 'application/json; charset=utf-8', `企业画像_${todayIso()}.json`).send(stream);
    },
  });
}
