import { systemActor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { systemScope } from '../../../platform/scope.ts';
import { addDays } from '../calendar.ts';
import * as repo from '../repository.ts';
import { applyTransition, CITY_AUDIENCE, districtAudience, enterpriseAudience, notify } from '../transitions.ts';
import { annualUpdateDeadline } from './dynamic-overview.ts';

const REMIND_DAYS = 3;
const RE_REVIEW_WARNING_DAYS = 90;

/**
 * The scheduled daily job (tidu workflow daily): ends titles past their expiry and sends deadline
 * reminders. Each reminder has a dedupe key, so running twice on a day sends nothing twice.
 */
export async function dailyRun(db: Db, today: string) {
  const actor = systemActor('tidu workflow daily');
  const soon = addDays(today, REMIND_DAYS);
  let expired = 0;
  await db.transaction(async (tx) => {
    for (const recognition of await repo.recognitionsPastExpiry(tx, today)) {
      await repo.endRecognition(tx, recognition.id, 'expired', null);
      const application = await repo.findApplication(tx, { scope: systemScope(), expertUsername: null }, recognition.application_id, { forUpdate: true });
      if (application?.state === 'recognized') await applyTransition(tx, application, 'expire', { actor, role: 'system' }, { version: application.version, reason: `有效期至 ${recognition.expiry_date}` });
      expired += 1;
    }
  });

  const all = { scope: systemScope(), expertUsername: null };
  for (const batch of await repo.listBatches(db)) {
    const applications = await repo.listApplications(db, all, { batch_id: batch.id });
    if (today <= batch.window_end && batch.window_end <= soon) {
      for (const a of applications.filter((row) => row.state === 'draft')) {
        await notify(db, enterpriseAudience(a.credit_code), '申报即将截止', `“${batch.title}”将于 ${batch.window_end} 截止申报，您的申报尚未提交`, `/recognition/applications/${a.id}`, `window:${a.id}:${batch.window_end}`);
      }
    }
    if (today <= batch.district_review_deadline && batch.district_review_deadline <= soon) {
      for (const district of new Set(applications.filter((row) => row.state === 'submitted').map((row) => row.district_code))) {
        await notify(db, districtAudience(district), '初审即将截止', `“${batch.title}”区县初审将于 ${batch.district_review_deadline} 截止，尚有申报待初审`, '/recognition/review', `district:${batch.id}:${district}`);
      }
    }
    if (today <= batch.city_review_deadline && batch.city_review_deadline <= soon && applications.some((row) => row.state === 'city_review')) {
      await notify(db, CITY_AUDIENCE, '市级评审即将截止', `“${batch.title}”市级评审将于 ${batch.city_review_deadline} 截止`, `/recognition/batches/${batch.id}`, `city:${batch.id}`);
    }
  }

  const year = Number(today.slice(0, 4));
  const deadline = annualUpdateDeadline(year);
  const active = (await repo.recognitionsInScope(db, systemScope())).filter((r) => r.status === 'active' && r.expiry_date >= today);
  const updated = new Set((await repo.annualUpdateYears(db, active.map((r) => r.credit_code))).filter((u) => u.year === year).map((u) => u.credit_code));
  for (const r of active.filter((row) => Number(row.issue_date.slice(0, 4)) < year && !updated.has(row.credit_code))) {
    if (today >= `${year}-05-01` && today <= deadline) {
      await notify(db, enterpriseAudience(r.credit_code), '年度数据更新提醒', `请于 ${deadline} 前完成 ${year} 年度数据更新，逾期将影响复核资格`, '/recognition/dynamic', `annual:${r.credit_code}:${year}`);
    } else if (today > deadline) {
      const text = `“${r.enterprise_name}”未在 ${deadline} 前完成 ${year} 年度数据更新`;
      await notify(db, enterpriseAudience(r.credit_code), '年度数据更新已逾期', text, '/recognition/dynamic', `annual-overdue:${r.credit_code}:${year}`);
      await notify(db, districtAudience(r.district_code), '年度数据更新逾期', text, '/recognition/dynamic', `annual-overdue-district:${r.credit_code}:${year}`);
    }
  }
  for (const r of active.filter((row) => row.expiry_date <= addDays(today, RE_REVIEW_WARNING_DAYS))) {
    const text = `“${r.enterprise_name}”的称号（证书 ${r.certificate_no}）将于 ${r.expiry_date} 到期，请及时申请复核`;
    await notify(db, enterpriseAudience(r.credit_code), '称号即将到期', text, '/recognition/dynamic', `expiry:${r.id}:${r.expiry_date}`);
    await notify(db, districtAudience(r.district_code), '称号即将到期', text, '/recognition/dynamic', `expiry-district:${r.id}:${r.expiry_date}`);
  }
  return { expired };
}
