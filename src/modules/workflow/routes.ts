import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayIso } from '../../platform/dates.ts';
import { CITY_ROLES, principalOf, type Role } from '../../platform/policy.ts';
import { actorOf } from '../../platform/request-actor.ts';
import type { AppDeps } from '../../server.ts';
import { EVIDENCE_CONTENT_TYPES, MAX_EVIDENCE_BYTES } from './evidence-rules.ts';
import { assignExperts, assignExpertsBody } from './use-cases/assign-experts.ts';
import { attachEvidence, attachEvidenceQuery } from './use-cases/attach-evidence.ts';
import { createBatch, createBatchBody } from './use-cases/create-batch.ts';
import { declareConflict, declareConflictBody } from './use-cases/declare-conflict.ts';
import { drawPanel, drawPanelBody } from './use-cases/draw-panel.ts';
import { dynamicOverview, dynamicQuery } from './use-cases/dynamic-overview.ts';
import { readEvidence, removeEvidence } from './use-cases/evidence-file.ts';
import { exportFinalList } from './use-cases/export-final-list.ts';
import { getApplication } from './use-cases/get-application.ts';
import { listInbox, markNotificationRead } from './use-cases/inbox.ts';
import { getBatch, listBatches } from './use-cases/list-batches.ts';
import { listApplications, listApplicationsQuery } from './use-cases/list-applications.ts';
import { publishFinalList } from './use-cases/publish-final-list.ts';
import { recordAnnualUpdate, annualUpdateBody } from './use-cases/record-annual-update.ts';
import { objectionBody, recordObjection } from './use-cases/record-objection.ts';
import { recordSpotCheck, spotCheckBody } from './use-cases/record-spot-check.ts';
import { reportChange, reportChangeBody } from './use-cases/report-change.ts';
import { resolveObjection, resolveObjectionBody } from './use-cases/resolve-objection.ts';
import { revoke, revokeBody } from './use-cases/revoke.ts';
import { listExperts, saveExpert, saveExpertBody } from './use-cases/save-expert.ts';
import { scoreApplication, scoreBody } from './use-cases/score-application.ts';
import { startApplication, startApplicationBody } from './use-cases/start-application.ts';
import { startPublicity, startPublicityBody } from './use-cases/start-publicity.ts';
import { todoList } from './use-cases/todo.ts';
import { transitionApplication, transitionBody } from './use-cases/transition-application.ts';

const CITY = { policy: { roles: CITY_ROLES } } as const;
const STAFF = { policy: { roles: [...CITY_ROLES, 'district_officer'] as Role[] } } as const;
/** Everyone with a part in recognition; each sees only what their scope (or, for experts, their assignments) allows. */
const PARTICIPANTS = { policy: { roles: [...CITY_ROLES, 'district_officer', 'commissioner', 'enterprise_user', 'expert'] as Role[] } } as const;
const APPLICANT = { policy: { roles: ['enterprise_user'] as Role[] } } as const;
const DECIDERS = { policy: { roles: [...CITY_ROLES, 'district_officer', 'enterprise_user'] as Role[] } } as const;
const EXPERT = { policy: { roles: ['expert'] as Role[] } } as const;
const SIGNED_IN = { policy: { signedIn: true } } as const;

const idParams = z.object({ id: z.coerce.number().int().positive() });

export async function workflowRoutes(fastify: FastifyInstance, { db }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['认定管理'];
  app.addContentTypeParser(Object.keys(EVIDENCE_CONTENT_TYPES), { parseAs: 'buffer', bodyLimit: MAX_EVIDENCE_BYTES + 1024 }, (_request, body, done) => done(null, body));

  app.get('/api/workflow/batches', {
    config: PARTICIPANTS,
    schema: { tags, summary: '申报批次' },
    handler: () => listBatches(db, todayIso()),
  });
  app.post('/api/workflow/batches', {
    config: CITY,
    schema: { tags, summary: '设立申报批次（标准、年度、批次号、申报期、规则版本、各环节截止日期）', body: createBatchBody },
    handler: (request) => createBatch(db, actorOf(request), request.body),
  });
  app.get('/api/workflow/batches/:id', {
    config: PARTICIPANTS,
    schema: { tags, summary: '批次详情：阶段、公示期、专家组（仅市级可见）与认定名单', params: idParams },
    handler: (request) => {
      const principal = principalOf(request);
      return getBatch(db, request.params.id, todayIso(), { showPanel: CITY_ROLES.some((role) => principal.roles.has(role)) });
    },
  });
  app.post('/api/workflow/batches/:id/panel', {
    config: CITY,
    schema: { tags, summary: '从专家库随机抽取本批次评审专家组（第一个“随机”）', params: idParams, body: drawPanelBody },
    handler: (request) => drawPanel(db, actorOf(request), request.params.id, request.body),
  });
  app.post('/api/workflow/batches/:id/assignments', {
    config: CITY,
    schema: { tags, summary: '为市级评审中的申报随机分配专家（第二个“随机”，回避本区县与利益关系）', params: idParams, body: assignExpertsBody },
    handler: (request) => assignExperts(db, actorOf(request), request.params.id, request.body),
  });
  app.post('/api/workflow/batches/:id/publicity', {
    config: CITY,
    schema: { tags, summary: '拟认定名单开始公示（公示期按工作日计算，未扣除法定节假日）', params: idParams, body: startPublicityBody },
    handler: (request) => startPublicity(db, principalOf(request), actorOf(request), request.params.id, request.body),
  });
  app.post('/api/workflow/batches/:id/final-list', {
    config: CITY,
    schema: { tags, summary: '公示期满且异议处理完毕后发布认定名单，称号写入企业库', params: idParams },
    handler: (request) => publishFinalList(db, principalOf(request), actorOf(request), request.params.id, todayIso()),
  });
  app.get('/api/workflow/batches/:id/final-list.xlsx', {
    config: STAFF,
    schema: { tags, summary: '导出认定名单（Excel）', params: idParams },
    handler: async (request, reply) => {
      const file = await exportFinalList(db, principalOf(request).scope, request.params.id);
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
      return reply.send(file.content);
    },
  });

  app.get('/api/workflow/applications', {
    config: PARTICIPANTS,
    schema: { tags, summary: '申报列表（按权限范围；专家仅见分配给本人的申报）', querystring: listApplicationsQuery },
    handler: (request) => listApplications(db, principalOf(request), request.query),
  });
  app.post('/api/workflow/applications', {
    config: APPLICANT,
    schema: { tags, summary: '企业在开放的批次中发起申报（草稿）', body: startApplicationBody },
    handler: (request) => startApplication(db, principalOf(request), actorOf(request), request.body, todayIso()),
  });
  app.get('/api/workflow/applications/:id', {
    config: PARTICIPANTS,
    schema: { tags, summary: '申报详情：快照、自评结果、数据审核标记、材料、流转记录与评审', params: idParams },
    handler: (request) => getApplication(db, principalOf(request), request.params.id, todayIso()),
  });
  app.post('/api/workflow/applications/:id/transitions', {
    config: DECIDERS,
    schema: { tags, summary: '申报流转（提交、撤回、初审、市级审定）；须带读取时的版本号，并发冲突返回 409', params: idParams, body: transitionBody },
    handler: (request) => transitionApplication(db, principalOf(request), actorOf(request), request.params.id, request.body, todayIso()),
  });
  app.post('/api/workflow/applications/:id/evidence', {
    config: APPLICANT,
    bodyLimit: MAX_EVIDENCE_BYTES + 1024,
    schema: {
      tags,
      summary: '上传证明材料（请求体为文件内容，Content-Type 为 application/pdf、image/png 或 image/jpeg，单个不超过 10 MB）',
      params: idParams,
      querystring: attachEvidenceQuery,
    },
    handler: (request) =>
      attachEvidence(db, principalOf(request), actorOf(request), request.params.id, request.query, String(request.headers['content-type'] ?? '').split(';')[0].trim(), request.body),
  });
  app.get('/api/workflow/evidence/:id', {
    config: PARTICIPANTS,
    schema: { tags, summary: '下载证明材料', params: idParams },
    handler: async (request, reply) => {
      const file = await readEvidence(db, principalOf(request), request.params.id);
      reply.header('content-type', file.content_type);
      reply.header('x-content-sha256', file.sha256);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`);
      return reply.send(file.content);
    },
  });
  app.delete('/api/workflow/evidence/:id', {
    config: APPLICANT,
    schema: { tags, summary: '删除证明材料（仅草稿或退回修改时）', params: idParams },
    handler: (request) => removeEvidence(db, principalOf(request), actorOf(request), request.params.id),
  });
  app.post('/api/workflow/applications/:id/scores', {
    config: EXPERT,
    schema: { tags, summary: '专家独立评分（提交后不可修改，看不到其他专家的评分）', params: idParams, body: scoreBody },
    handler: (request) => scoreApplication(db, principalOf(request), actorOf(request), request.params.id, request.body),
  });
  app.post('/api/workflow/applications/:id/spot-checks', {
    config: STAFF,
    schema: { tags, summary: '记录实地抽查', params: idParams, body: spotCheckBody },
    handler: (request) => recordSpotCheck(db, principalOf(request), actorOf(request), request.params.id, request.body),
  });
  app.post('/api/workflow/applications/:id/objections', {
    config: CITY,
    schema: { tags, summary: '登记公示期异议', params: idParams, body: objectionBody },
    handler: (request) => recordObjection(db, principalOf(request), actorOf(request), request.params.id, request.body),
  });
  app.post('/api/workflow/objections/:id/resolution', {
    config: CITY,
    schema: { tags, summary: '答复并处理异议（异议成立则移出名单）', params: idParams, body: resolveObjectionBody },
    handler: (request) => resolveObjection(db, principalOf(request), actorOf(request), request.params.id, request.body),
  });

  app.get('/api/workflow/experts', {
    config: CITY,
    schema: { tags, summary: '评审专家库（含所在区县与申报的利益关系）' },
    handler: () => listExperts(db),
  });
  app.post('/api/workflow/experts', {
    config: CITY,
    schema: { tags, summary: '新增或更新专家库成员', body: saveExpertBody },
    handler: (request) => saveExpert(db, actorOf(request), request.body),
  });
  app.post('/api/workflow/experts/me/conflicts', {
    config: EXPERT,
    schema: { tags, summary: '专家申报利益关系（回避）', body: declareConflictBody },
    handler: (request) => declareConflict(db, principalOf(request), actorOf(request), request.body),
  });

  app.post('/api/workflow/revocations', {
    config: CITY,
    schema: { tags, summary: '撤销认定；数据造假撤销全部梯度称号并 3 年内不得申报', body: revokeBody },
    handler: (request) => revoke(db, principalOf(request), actorOf(request), request.body, todayIso()),
  });
  app.get('/api/workflow/dynamic', {
    config: STAFF,
    schema: { tags, summary: '动态管理：年度数据更新、复核预警、到期、变更报告与撤销', querystring: dynamicQuery },
    handler: (request) => dynamicOverview(db, principalOf(request).scope, request.query, todayIso()),
  });
  app.post('/api/workflow/annual-updates', {
    config: APPLICANT,
    schema: { tags, summary: '企业确认完成年度数据更新（每年 5 月 31 日前）', body: annualUpdateBody },
    handler: (request) => recordAnnualUpdate(db, principalOf(request), actorOf(request), request.body),
  });
  app.post('/api/workflow/change-reports', {
    config: DECIDERS,
    schema: { tags, summary: '报告企业重大变化（应在变化后 3 个月内报告）', body: reportChangeBody },
    handler: (request) => reportChange(db, principalOf(request).scope, actorOf(request), request.body, todayIso()),
  });

  app.get('/api/workflow/inbox', {
    config: SIGNED_IN,
    schema: { tags, summary: '站内通知' },
    handler: (request) => listInbox(db, principalOf(request)),
  });
  app.post('/api/workflow/inbox/:id/read', {
    config: SIGNED_IN,
    schema: { tags, summary: '标记通知为已读', params: idParams },
    handler: (request) => markNotificationRead(db, principalOf(request), request.params.id),
  });
  app.get('/api/workflow/todo', {
    config: SIGNED_IN,
    schema: { tags, summary: '待办事项（按角色）' },
    handler: (request) => todoList(db, principalOf(request), todayIso()),
  });
}
