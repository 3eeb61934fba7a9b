import { writeAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Scope } from '../../../platform/scope.ts';
import { referenceSets } from '../../registry/reference-sets.ts';
import { undoChangeSet } from '../../registry/use-cases/undo-change-set.ts';
import * as repo from '../repository.ts';
import type { BatchSummary } from './imports.types.ts';
import { batchSummary, visibleBatch, type Viewer } from './list-imports.ts';

/**
 * Restores the values a committed batch replaced and removes the enterprises it created, in one transaction.
 * If a later change touched any value the batch wrote, nothing is undone and the message says where.
 */
export async function undoImport(db: Db, viewer: Viewer, scope: Scope, id: number): Promise<BatchSummary> {
  const refs = await referenceSets(db);
  await db.transaction(async (tx) => {
    const batch = await visibleBatch(tx, viewer, id, { forUpdate: true });
    if (batch.status !== 'committed') {
      throw new AppError('CONFLICT', batch.status === 'undone' ? `导入批次 #${id} 已经撤销过了` : `导入批次 #${id} 尚未提交，无需撤销`);
    }
    const conflicts: string[] = [];
    let restored = 0;
    for (const change of await repo.batchChanges(tx, id)) {
      const outcome = await undoChangeSet(tx, refs, viewer.actor, scope, change, `撤销导入批次 #${id}｜${batch.file_name}`);
      if (outcome.undone) restored++;
      else conflicts.push(outcome.conflict);
    }
    if (conflicts.length > 0) {
      throw new AppError(
        'CONFLICT',
        `不能撤销导入批次 #${id}：${conflicts.slice(0, 3).join('；')}${conflicts.length > 3 ? `；另有 ${conflicts.length - 3} 家企业同样如此` : ''}。撤销会覆盖之后的修改，请先核对这些企业`,
        { conflicts },
      );
    }
    await repo.markUndone(tx, id, viewer.actor.id);
    await writeAudit(tx, viewer.actor, { action: 'intake.import.undo', objectType: 'import_batch', objectId: String(id), summary: { enterprises: restored } });
  });
  return batchSummary((await repo.loadBatch(db, id))!, undefined);
}
