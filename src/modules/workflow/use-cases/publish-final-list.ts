import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policy.ts';
import { referenceSets } from '../../registry/reference-sets.ts';
import { addYears } from '../calendar.ts';
import * as repo from '../repository.ts';
import { qualificationsOf, updateRegistryTitles } from '../titles.ts';
import { applyTransition } from '../transitions.ts';
import { actingRole } from '../viewer.ts';
import { CERTIFICATE_PREFIX, ISSUER, QUALIFICATION_LEVEL, type RecognisedStandard } from './batches.types.ts';

/**
 * After the publicity period, with every objection resolved: recognises each application still on the
 * list, numbers its certificate and writes the title into the registry profile (issue date today, expiry
 * after the batch's validity). A re-review pass extends the title it renews by the same validity instead.
 */
export async function publishFinalList(db: Db, principal: Principal, actor: Actor, batchId: number, today: string) {
  const refs = await referenceSets(db);
  return db.transaction(async (tx) => {
    const batch = await repo.findBatch(tx, batchId, { forUpdate: true });
    if (!batch) throw new AppError('NOT_FOUND', `申报批次 ${batchId} 不存在`);
    if (batch.final_published_on) throw new AppError('CONFLICT', `“${batch.title}”的认定名单已于 ${batch.final_published_on} 发布`);
    if (!batch.publicity_end) throw new AppError('TRANSITION_NOT_ALLOWED', '本批次尚未公示，不能发布认定名单');
    if (today <= batch.publicity_end) throw new AppError('TRANSITION_NOT_ALLOWED', `公示期至 ${batch.publicity_end} 结束，期满后方可发布认定名单`);
    const open = await repo.openObjectionsOfBatch(tx, batchId);
    if (open > 0) throw new AppError('TRANSITION_NOT_ALLOWED', `还有 ${open} 件异议未处理完毕，不能发布认定名单`);
    const listed = await repo.applicationsOfBatch(tx, batchId, ['in_publicity']);
    const standard = batch.standard as RecognisedStandard;
    const prefix = `${CERTIFICATE_PREFIX[standard]}〔${batch.year}〕${batch.batch_no}-`;
    let serial = await repo.countCertificates(tx, prefix);
    const recognised: string[] = [];
    for (const application of listed) {
      const role = actingRole(principal, ['city_admin', 'city_officer'], application)!;
      await applyTransition(tx, application, 'recognize', { actor, role }, { version: application.version, reason: null });
      const renewing = batch.kind === 're_review' ? (await repo.activeRecognitionsOf(tx, application.credit_code)).find((r) => r.standard === standard) : undefined;
      if (renewing) {
        const expiry = addYears(renewing.expiry_date, batch.validity_years);
        await repo.renewRecognition(tx, renewing.id, expiry, today);
        await updateRegistryTitles(tx, refs, actor, application.credit_code, `${batch.title}：复核通过，证书 ${renewing.certificate_no} 有效期延至 ${expiry}`, (profile) => ({
          ...profile,
          qualifications: qualificationsOf(profile).map((q) => (q.certificate_no === renewing.certificate_no ? { ...q, expiry_date: expiry } : q)),
        }));
        recognised.push(renewing.certificate_no);
        continue;
      }
      const certificateNo = `${prefix}${String(++serial).padStart(3, '0')}`;
      const expiry = addYears(today, batch.validity_years);
      await repo.insertRecognition(tx, {
        application_id: application.id,
        batch_id: batchId,
        credit_code: application.credit_code,
        district_code: application.district_code,
        enterprise_name: application.enterprise_name,
        standard,
        certificate_no: certificateNo,
        issue_date: today,
        expiry_date: expiry,
      });
      await updateRegistryTitles(tx, refs, actor, application.credit_code, `${batch.title}：认定，证书 ${certificateNo}`, (profile) => ({
        ...profile,
        qualifications: [
          ...qualificationsOf(profile),
          { title: standard, level: QUALIFICATION_LEVEL, issue_date: today, expiry_date: expiry, batch: batch.title, certificate_no: certificateNo, issuer: ISSUER },
        ],
      }));
      recognised.push(certificateNo);
    }
    await repo.setFinalPublished(tx, batchId, today);
    await writeAudit(tx, actor, { action: 'workflow.batch.final_list', objectType: 'batch', objectId: String(batchId), summary: { published_on: today, certificates: recognised } });
    return { published_on: today, recognised: recognised.length };
  });
}
