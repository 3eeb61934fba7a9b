import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, type App } from '../../platform/http.ts';
import type { AppDeps } from '../../server.ts';
import { evaluationRoutes } from './routes.ts';

const example = JSON.parse(readFileSync(new URL('../../standards/fixtures/profile-example.json', import.meta.url), 'utf8'));

describe('评价接口', () => {
  let app: App;
  beforeAll(async () => {
    // The lead registers these routes in buildServer; here they run on the bare HTTP app (no access control).
    app = await createHttpApp();
    await app.register(async (scope) => evaluationRoutes(scope, {} as AppDeps));
    await app.ready();
  });
  afterAll(async () => app?.close());

  it('POST /api/evaluate 返回合同格式', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/evaluate', payload: { as_of: '2026-06-30', standards: ['little_giant'], enterprises: [example] } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.application).toBe('new');
    expect(body.results[0].size_class).toBe('small');
    expect(body.results[0].standards.little_giant.criteria.find((c: { id: string }) => c.id === 'X-3a')).toMatchObject({ status: 'unmet', gap: 420, unit: '万元' });
  });

  it('画像有误：400，中文信息，details 指明键', async () => {
    const bad = { ...example, years: { ...example.years, '2025': { ...example.years['2025'], rd_expense: '420' } } };
    const res = await app.inject({ method: 'POST', url: '/api/evaluate', payload: { as_of: '2026-06-30', enterprises: [example, bad] } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toContain('第 2 个企业画像（下标 1）的 years.2025.rd_expense：应为数字');
    expect(body.details[0]).toMatchObject({ key: 'enterprises[1].years.2025.rd_expense', index: 1 });
  });

  it('请求参数有误：400', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/evaluate', payload: { as_of: '2026-02-30', enterprises: [] } });
    expect(res.statusCode).toBe(400);
    const unknown = await app.inject({ method: 'POST', url: '/api/evaluate', payload: { as_of: '2026-06-30', standards: ['x'], enterprises: [] } });
    expect(unknown.statusCode).toBe(400);
  });

  it('GET /api/standards 返回目录', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/standards?as_of=2026-06-30' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toHaveLength(11);
    expect(body.find((s: { id: string }) => s.id === 'specialized_sme').versions[0].version).toBe('2026');
  });
});
