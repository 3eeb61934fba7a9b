import { Readable } from 'node:stream';
import { writeAudit, type Actor } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import type { Scope } from '../../../platform/scope.ts';
import { readProfiles } from '../../registry/use-cases/read-profiles.ts';

/** Every enterprise in the caller's scope as contract profiles, `{ "enterprises": [ … ] }` (what `tidu evaluate` reads), streamed. */
export async function exportProfiles(db: Db, actor: Actor, scope: Scope): Promise<Readable> {
  await db.transaction((tx) => writeAudit(tx, actor, { action: 'registry.export.profiles', objectType: 'registry', objectId: null, summary: { format: 'json' } }));
  async function* chunks(): AsyncGenerator<string> {
    yield '{"enterprises":[';
    let first = true;
    for await (const batch of readProfiles(db, scope, { batchSize: 2000 })) {
      const text = batch.profiles.map((profile) => JSON.stringify(profile)).join(',\n');
      yield (first ? '\n' : ',\n') + text;
      first = false;
    }
    yield '\n]}\n';
  }
  return Readable.from(chunks());
}
