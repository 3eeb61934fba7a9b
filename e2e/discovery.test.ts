import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/platform/audit.ts';
import { todayIso } from '../src/platform/dates.ts';
import { loadDemo } from '../src/modules/registry/demo/load-demo.ts';
import { signIn, type Session } from '../src/modules/identity/testing.ts';
import { choose, eventually, startHarness, type Harness } from './harness.ts';

interface Gap { id: string; name: string | null; gap: number | null }
interface Candidate { credit_code: string; name: string; unmet_count: number; unmet: Gap[] }
interface KeyListView { id: number; kind: string; members: number }
interface KeyListDetail extends KeyListView { items: { credit_code: string; add_reason: string; removed_at: string | null }[] }

describe('主动发现 · 差距分析 · 模拟测算', () => {
  let harness: Harness;
  /** An API session of its own, to check through the real routes what the pages did. */
  let city: Session;

  beforeAll(async () => {
    harness = await startHarness();
    const today = todayIso();
    await loadDemo(harness.db, systemActor('e2e'), { count: 300, seed: 2026, latestYear: Number(today.slice(0, 4)) - 1, today });
    city = await signIn(harness.app, harness.db, [{ role: 'city_officer' }], 'e2e_discovery_city');
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('runs discovery on the demo data, opens a candidate, applies a what-if and sees the status change', async () => {
    const { page, baseUrl } = harness;
    await page.goto(`${baseUrl}/discovery/candidates`);
    await page.getByTestId('start-run').click();
    await page.getByTestId('latest-run').waitFor({ timeout: 60_000 });

    await page.getByTestId('candidate-standard').click();
    await page.locator('.ant-select-item-option', { hasText: '创新型中小企业' }).first().click();
    const first = page.getByTestId('candidate-link').first();
    await first.waitFor();
    const name = await first.textContent();
    await first.click();

    await eventually(() => page.getByTestId('portrait-name').textContent()).toBe(name);
    await page.getByTestId('gap-panel').waitFor();
    const current = page.getByTestId('gap-current-status');
    await current.waitFor();
    const before = (await current.textContent())?.trim();
    expect(before).toBe('符合');

    await page.getByTestId('open-what-if').click();
    const year = Number(todayIso().slice(0, 4)) - 1;
    // A workforce and revenue far beyond an SME's: the enterprise is large and leaves every SME tier.
    for (const [field, value] of [['employees_period_end', '50000'], ['employees_total', '50000'], ['operating_revenue', '9000000'], ['main_business_revenue', '9000000'], ['total_assets', '9000000']]) {
      await page.getByTestId(`what-if-years.${year}.${field}`).locator('input').fill(value);
    }
    await page.getByTestId('run-what-if').click();
    const after = page.getByTestId('what-if-after-innovative_sme');
    await after.waitFor({ timeout: 15_000 });
    await eventually(async () => (await after.textContent())?.trim()).toBe('不符合');
    await page.screenshot({ path: '/tmp/tidu-discovery-what-if.png' });
  });

  it('差距分析 from the menu: picks an enterprise and shows its path to the chosen standard', async () => {
    const { page, baseUrl } = harness;
    await page.goto(`${baseUrl}/discovery/gaps?standard=specialized_sme`);
    await page.getByTestId('gaps-enterprise').click();
    const option = page.locator('.ant-select-item-option').first();
    await option.waitFor();
    const label = (await option.textContent()) ?? '';
    await option.click();
    const name = label.slice(0, label.indexOf('（'));
    await page.getByText('查看企业画像').waitFor();
    expect(await page.locator('.ant-card-head-title', { hasText: name }).count()).toBeGreaterThan(0);
    await page.getByTestId('gap-current-status').waitFor();
    expect(new URL(page.url()).searchParams.get('credit_code')).toMatch(/^[0-9A-Z]{18}$/);
    expect(await page.getByTestId('gap-panel').getByText('专精特新中小企业', { exact: true }).count()).toBeGreaterThan(0);
  });

  it('重点清单: creates a pool, adds a candidate to it from the candidate table with a reason naming its gaps, and finds it in the list', async () => {
    const { page, baseUrl, app } = harness;
    const get = async <T,>(url: string): Promise<T> => {
      const response = await app.inject({ method: 'GET', url, headers: city.headers });
      if (response.statusCode !== 200) throw new Error(`GET ${url} → ${response.statusCode}: ${response.body}`);
      return response.json() as T;
    };
    const year = new Date().getFullYear(); // the year the pages use for their lists

    await page.goto(`${baseUrl}/discovery/key-lists`);
    await page.getByRole('button', { name: '新建清单' }).click();
    const dialog = page.getByRole('dialog', { name: '新建清单' });
    await choose(page, dialog.locator('.ant-select').first(), '专精特新培育库');
    await dialog.getByRole('button', { name: /^新\s*建$/ }).click();
    await page.getByText('已新建').waitFor();
    const pools = (await get<{ items: KeyListView[] }>(`/api/key-lists?year=${year}`)).items.filter((list) => list.kind === 'specialized_pool');
    expect(pools).toHaveLength(1);
    const pool = pools[0]!;
    expect(pool.members).toBe(0);

    // The first test of this file ran discovery. The page lists these candidates, 20 a page; the closest ones have
    // no unmet criterion left, so take the first whose count of unmet criteria matches the gaps it is shown with.
    const candidates = await get<{ items: Candidate[] }>('/api/discovery/candidates?standard=specialized_sme&max_unmet=3&limit=100&offset=0');
    const index = candidates.items.findIndex((c) => c.unmet.length > 0 && c.unmet.length === c.unmet_count);
    expect(index, 'a candidate missing some criteria').toBeGreaterThanOrEqual(0);
    const candidate = candidates.items[index]!;
    const { credit_code: creditCode, name } = candidate;

    await page.goto(`${baseUrl}/discovery/candidates`);
    await page.getByTestId('latest-run').waitFor();
    await choose(page, 'candidate-standard', '专精特新中小企业');
    const pageNo = Math.floor(index / 20) + 1;
    if (pageNo > 1) await page.locator(`.ant-pagination-item-${pageNo}:visible`).click();
    const row = page.locator(`tr.ant-table-row[data-row-key="${creditCode}"]`);
    await row.waitFor();
    expect(await row.getByTestId('candidate-link').textContent()).toBe(name);
    // What the row shows as the gaps ("为何接近"), one line each, as the API gives them.
    const shown = await row.locator('td').nth(6).locator('.ant-space-item > span:not(.ant-typography)').allTextContents();
    expect(shown).toHaveLength(candidate.unmet.length);
    candidate.unmet.forEach((gap, i) => expect(shown[i]).toContain(gap.gap === null ? (gap.name ?? gap.id) : `${gap.name ?? gap.id} 差 `));
    expect((await row.locator('td').nth(5).textContent())?.trim()).toBe(String(candidate.unmet_count));

    await row.getByTestId('add-to-list').click();
    const addDialog = page.getByRole('dialog', { name: `将“${name}”加入重点清单` });
    await addDialog.waitFor();
    // The suggested reason names the target and every gap the row shows, with their count.
    const reason = await addDialog.locator('textarea').inputValue();
    expect(reason).toBe(`对标专精特新中小企业：差 ${candidate.unmet_count} 项（${shown.join('；')}）`);
    await choose(page, 'add-to-list-select', '专精特新培育库');
    await addDialog.getByRole('button', { name: /^加\s*入$/ }).click();
    await page.getByText(`已将“${name}”加入清单`).waitFor();
    await addDialog.waitFor({ state: 'detached' });

    // Really a member: through the API…
    const detail = await get<KeyListDetail>(`/api/key-lists/${pool.id}`);
    expect(detail.members).toBe(1);
    expect(detail.items.map((m) => ({ credit_code: m.credit_code, add_reason: m.add_reason, removed_at: m.removed_at }))).toEqual([{ credit_code: creditCode, add_reason: reason, removed_at: null }]);

    // …and on the list page, with the reason.
    await page.goto(`${baseUrl}/discovery/key-lists`);
    const listRow = page.locator('tr.ant-table-row', { hasText: '专精特新培育库' });
    await eventually(() => listRow.count()).toBe(1);
    await listRow.click();
    const member = page.locator('tr.ant-table-row', { hasText: name });
    await member.waitFor();
    expect(await member.textContent()).toContain(reason);
  });
});
