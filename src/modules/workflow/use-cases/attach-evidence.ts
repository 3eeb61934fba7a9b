import { createHash } from 'node:crypto';
import { z } from 'zod';
import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policy.ts';
import { contentMatchesType, EVIDENCE_CONTENT_TYPES, EVIDENCE_TYPE_IDS, EVIDENCE_TYPES, MAX_EVIDENCE_BYTES } from '../evidence-rules.ts';
import * as repo from '../repository.ts';
import { EDITABLE_STATES, STATES } from '../state-machine.ts';
import { actingRole, viewerOf } from '../viewer.ts';

export const attachEvidenceQuery = z.object({
  evidence_type: z.enum(EVIDENCE_TYPE_IDS).describe('材料类型'),
  file_name: z.string().min(1).max(200).describe('文件名'),
});
export type AttachEvidenceQuery = z.infer<typeof attachEvidenceQuery>;

const accepted = Object.values(EVIDENCE_CONTENT_TYPES).map((t) => t.label).join('、');

/** Stores one evidence file (bytes in the database, with its SHA-256) on a draft or returned application. */
export async function attachEvidence(db: Db, principal: Principal, actor: Actor, id: number, query: AttachEvidenceQuery, contentType: string, body: unknown) {
  if (!(body instanceof Uint8Array)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `请以文件内容上传材料，支持 ${accepted}`);
  if (body.length === 0) throw new AppError('VALIDATION_FAILED', '文件为空');
  if (body.length > MAX_EVIDENCE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `单个文件不能超过 ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`);
  if (!contentMatchesType(contentType, body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `文件类型不符：仅支持 ${accepted}，且文件内容须与类型一致`);
  const sha256 = createHash('sha256').update(body).digest('hex');
  return db.transaction(async (tx) => {
    const application = await repo.findApplication(tx, viewerOf(principal), id, { forUpdate: true });
    if (!application) throw new AppError('NOT_FOUND', `申报 ${id} 不存在或不在您的权限范围内`);
    if (!actingRole(principal, ['enterprise_user'], application)) throw new AppError('FORBIDDEN', '只有申报企业可以上传材料');
    if (!EDITABLE_STATES.includes(application.state)) throw new AppError('TRANSITION_NOT_ALLOWED', `申报处于“${STATES[application.state]}”状态，不能再修改材料`);
    const evidenceId = await repo.insertEvidence(tx, {
      application_id: id,
      evidence_type: query.evidence_type,
      file_name: query.file_name,
      content_type: contentType,
      size_bytes: body.length,
      sha256,
      content: body,
      uploaded_by: actor.id,
    });
    await writeAudit(tx, actor, {
      action: 'workflow.evidence.attach',
      objectType: 'application',
      objectId: String(id),
      summary: { evidence_id: evidenceId, type: EVIDENCE_TYPES[query.evidence_type], file_name: query.file_name, size_bytes: body.length, sha256 },
    });
    return { id: evidenceId, sha256, size_bytes: body.length };
  });
}
