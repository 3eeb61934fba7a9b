import type { Db } from '../../../platform/db.ts';
import { CITY_ROLES, type Principal } from '../../../platform/policy.ts';
import * as repo from '../repository.ts';
import { applicationLink } from '../transitions.ts';
import { audiencesOf, ownEnterprisesOf, viewerOf } from '../viewer.ts';
import { annualUpdateDeadline } from './dynamic-overview.ts';
import { batchPhase } from './list-batches.ts';

export interface TodoItem {
  kind: string;
  title: string;
  detail: string;
  link: string;
  deadline: string | null;
}

/** What the caller has to do next, role by role, read from the live workflow (the home page shows it). */
export async function todoList(db: Db, principal: Principal, today: string): Promise<{ items: TodoItem[]; unread: number }> {
  const viewer = viewerOf(principal);
  const items: TodoItem[] = [];
  const batches = await repo.listBatches(db);
  const batchOf = (id: number) => batches.find((b) => b.id === id)!;
  const visible = await repo.listApplications(db, viewer, {});

  const own = ownEnterprisesOf(principal);
  if (own.length) {
    for (const a of visible.filter((row) => own.includes(row.credit_code) && (row.state === 'draft' || row.state === 'returned'))) {
      const batch = batchOf(a.batch_id);
      items.push({
        kind: a.state === 'draft' ? 'submit' : 'resubmit',
        title: a.state === 'draft' ? `提交申报：${a.batch_title}` : `按退回意见修改后重新提交：${a.batch_title}`,
        detail: a.enterprise_name,
        link: applicationLink(a.id),
        deadline: a.state === 'draft' ? batch.window_end : batch.district_review_deadline,
      });
    }
    for (const batch of batches.filter((b) => batchPhase(b, today) === 'open')) {
      if (!visible.some((a) => a.batch_id === batch.id && own.includes(a.credit_code) && a.state !== 'withdrawn')) {
        items.push({ kind: 'apply', title: `可申报：${batch.title}`, detail: `申报时间 ${batch.window_start} 至 ${batch.window_end}`, link: '/recognition/batches', deadline: batch.window_end });
      }
    }
    const year = Number(today.slice(0, 4));
    const recognised = (await repo.recognitionsInScope(db, principal.scope)).filter((r) => own.includes(r.credit_code) && r.status === 'active' && Number(r.issue_date.slice(0, 4)) < year);
    const done = new Set((await repo.annualUpdateYears(db, own)).filter((u) => u.year === year).map((u) => u.credit_code));
    for (const code of new Set(recognised.map((r) => r.credit_code))) {
      if (!done.has(code)) items.push({ kind: 'annual_update', title: `${year}年度数据更新`, detail: '已获认定企业须每年更新数据', link: '/recognition/dynamic', deadline: annualUpdateDeadline(year) });
    }
  }

  const districts = principal.grants.filter((g) => g.role === 'district_officer' && g.district_code).map((g) => g.district_code!);
  for (const a of visible.filter((row) => row.state === 'submitted' && districts.includes(row.district_code))) {
    items.push({ kind: 'district_review', title: `区县初审：${a.enterprise_name}`, detail: a.batch_title, link: applicationLink(a.id), deadline: batchOf(a.batch_id).district_review_deadline });
  }

  if (CITY_ROLES.some((role) => principal.roles.has(role))) {
    const inReview = visible.filter((row) => row.state === 'city_review');
    const progress = await repo.reviewProgress(db, inReview.map((a) => a.id));
    for (const a of inReview) {
      const p = progress.get(a.id);
      const deadline = batchOf(a.batch_id).city_review_deadline;
      if (!p) items.push({ kind: 'assign_experts', title: `抽取并分配评审专家：${a.batch_title}`, detail: a.enterprise_name, link: `/recognition/batches/${a.batch_id}`, deadline });
      else if (p.scored === p.assigned) items.push({ kind: 'city_decision', title: `市级审定：${a.enterprise_name}`, detail: `专家评分已齐（${p.scored} 份）`, link: applicationLink(a.id), deadline });
    }
    for (const batch of batches) {
      const approved = visible.filter((a) => a.batch_id === batch.id && a.state === 'approved').length;
      if (approved && !batch.publicity_start) items.push({ kind: 'publicity', title: `开始公示：${batch.title}`, detail: `${approved} 家拟认定`, link: `/recognition/batches/${batch.id}`, deadline: null });
      if (batch.publicity_end && !batch.final_published_on) {
        const open = await repo.openObjectionsOfBatch(db, batch.id);
        if (open) items.push({ kind: 'objections', title: `处理公示异议：${batch.title}`, detail: `${open} 件未处理`, link: `/recognition/batches/${batch.id}`, deadline: batch.publicity_end });
        else if (today > batch.publicity_end) items.push({ kind: 'final_list', title: `发布认定名单：${batch.title}`, detail: `公示期已于 ${batch.publicity_end} 届满`, link: `/recognition/batches/${batch.id}`, deadline: null });
      }
    }
  }

  if (viewer.expertUsername) {
    for (const task of await repo.pendingReviewsOf(db, viewer.expertUsername)) {
      items.push({ kind: 'score', title: `专家评分：${task.enterprise_name}`, detail: task.batch_title, link: applicationLink(task.application_id), deadline: task.city_review_deadline });
    }
  }

  items.sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));
  return { items, unread: await repo.unreadCount(db, audiencesOf(principal), principal.username) };
}
