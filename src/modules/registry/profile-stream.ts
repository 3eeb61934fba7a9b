import { bulkRead, copyUnescape, inlineParams } from '../../platform/bulk.ts';
import type { Db } from '../../platform/db.ts';
import { scopeCondition, type Scope } from '../../platform/scope.ts';
import { ENTERPRISE_COLUMNS, YEAR_FIELDS } from './profile-fields.ts';
import { assembleProfile, type ProfileDocument } from './profile-mapping.ts';
import type { EnterpriseRow, YearRow } from './repository.ts';
import type { ProfileBatch } from './use-cases/read-profiles.ts';

/**
 * The registry's bulk read for evaluation runs: the same profiles as readProfiles, with less work in PostgreSQL.
 *
 * readProfiles has PostgreSQL build each enterprise's years as json in a subquery: an index lookup and an aggregate
 * per enterprise, and json text for every figure. Here each batch is one snapshot holding the enterprises (through
 * the driver, as readProfiles reads them) and the years of exactly that credit-code range in index order as COPY
 * text, merged in JS. Figures become numbers as Number(text) makes them (what the drivers do, src/platform/db.ts),
 * NULL stays null, and each profile is assembled by the registry's own assembleProfile, so a profile is the one
 * readProfiles gives (tested).
 */

interface StreamRow extends Record<(typeof ENTERPRISE_COLUMNS)[number], unknown> {
  credit_code: string;
  details: Record<string, unknown>;
  lists: EnterpriseRow['lists'];
  change_set_id: number;
}

const yearRow = new Function(
  'fiscalYear',
  'values',
  `return { fiscal_year: fiscalYear, ${YEAR_FIELDS.map((field, i) => `${field}: values[${i}]`).join(', ')} };`,
) as (fiscalYear: number, values: (number | null)[]) => YearRow;

const TAB = 9;
const NEWLINE = 10;
const BACKSLASH = 92;
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** Text that COPY writes as it is and that latin1 reads as it is: printable ASCII but the backslash. */
const PLAIN = /^[\x20-\x5b\x5d-\x7e]+$/;

/**
 * COPY text of one SELECT, read field by field in place. `text` is the buffer read as latin1 (one char per byte, so
 * char offsets are byte offsets); numbers are read from the chars without making a string of each.
 */
export class CopyText {
  private readonly text: string;
  /** Where the next field starts. */
  private pos = 0;

  constructor(private readonly bytes: Buffer) {
    this.text = bytes.toString('latin1');
  }

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  /** The end of the field at `pos` (its tab or newline). */
  private end(): number {
    const text = this.text;
    let end = this.pos;
    for (let c = text.charCodeAt(end); c !== TAB && c !== NEWLINE; c = text.charCodeAt(++end)) if (c !== c) throw new Error('COPY text ends inside a row');
    return end;
  }

  private isNull(): boolean {
    const text = this.text;
    const pos = this.pos;
    return text.charCodeAt(pos) === BACKSLASH && text.charCodeAt(pos + 1) === 78 && text.charCodeAt(pos + 2) <= NEWLINE;
  }

  /** The next field as text (null for NULL). */
  string(): string | null {
    if (this.isNull()) {
      this.pos += 3;
      return null;
    }
    const start = this.pos;
    const end = this.end();
    this.pos = end + 1;
    return copyUnescape(this.bytes.toString('utf8', start, end));
  }

  /** The next field as a number, exactly as Number(text) gives it (null for NULL). */
  number(): number | null {
    if (this.isNull()) {
      this.pos += 3;
      return null;
    }
    const text = this.text;
    const start = this.pos;
    let pos = start;
    let c = text.charCodeAt(pos);
    const negative = c === 45;
    if (negative) c = text.charCodeAt(++pos);
    let mantissa = 0;
    let digits = 0;
    let scale = -1;
    for (;;) {
      if (c >= 48 && c <= 57) {
        mantissa = mantissa * 10 + (c - 48);
        digits++;
        if (scale >= 0) scale++;
      } else if (c === 46 && scale < 0) scale = 0;
      else break;
      c = text.charCodeAt(++pos);
    }
    if ((c !== TAB && c !== NEWLINE) || digits === 0 || digits > 15) {
      // Anything else (NaN, Infinity, more digits than a double holds exactly): the general conversion.
      const end = this.end();
      this.pos = end + 1;
      return Number(text.slice(start, end));
    }
    this.pos = pos + 1;
    // Up to 15 digits the integer is exact, and so is 10^scale: one correctly rounded division is the nearest double.
    const value = scale > 0 ? mantissa / POWERS_OF_TEN[scale] : mantissa;
    return negative ? -value : value;
  }

  /** Whether the next field is `value`; if so, steps over it. */
  take(value: string): boolean {
    if (this.done) return false;
    const text = this.text;
    const pos = this.pos;
    if (!PLAIN.test(value)) {
      // Escaped or not ASCII: compare the decoded field.
      if (this.string() === value) return true;
      this.pos = pos;
      return false;
    }
    if (!text.startsWith(value, pos)) return false;
    const after = text.charCodeAt(pos + value.length);
    if (after !== TAB && after !== NEWLINE) return false;
    this.pos = pos + value.length + 1;
    return true;
  }
}

/**
 * One batch as read: its enterprise rows and the COPY text of their years, turned into profiles a slice at a time
 * (`take`), so a profile lives only while its slice is evaluated instead of for the whole batch.
 */
export class ProfileText {
  private readonly years: CopyText;
  private readonly figures = new Array<number | null>(YEAR_FIELDS.length).fill(null);
  private next = 0;
  /** The highest change set among the profiles taken so far. */
  maxChangeSet = 0;
  /** The batch's last credit code: pass it back as `after` to read on from here. */
  readonly last: string;

  constructor(
    private readonly rows: StreamRow[],
    years: Buffer,
  ) {
    this.years = new CopyText(years);
    this.last = rows[rows.length - 1].credit_code;
  }

  get count(): number {
    return this.rows.length;
  }

  get done(): boolean {
    return this.next >= this.rows.length;
  }

  /** The next `count` profiles (fewer at the end). */
  take(count: number): ProfileDocument[] {
    const years = this.years;
    const figures = this.figures;
    const end = Math.min(this.rows.length, this.next + count);
    const profiles: ProfileDocument[] = new Array(end - this.next);
    for (let i = this.next; i < end; i++) {
      const row = this.rows[i];
      this.rows[i] = null as never; // the row is only needed once
      const code = row.credit_code;
      if (row.change_set_id > this.maxChangeSet) this.maxChangeSet = row.change_set_id;
      // Both reads are in credit-code order over the same enterprises, so this enterprise's years come next.
      const stored: YearRow[] = [];
      while (years.take(code)) {
        const fiscalYear = years.number()!;
        for (let k = 0; k < YEAR_FIELDS.length; k++) figures[k] = years.number();
        stored.push(yearRow(fiscalYear, figures));
      }
      profiles[i - this.next] = assembleProfile({ enterprise: row as unknown as EnterpriseRow, years: stored });
    }
    this.next = end;
    if (this.done && !years.done) throw new Error('读取企业年度数据时顺序不一致：存在未匹配到企业的年度行');
    return profiles;
  }
}

/** The next batch after `after` as read (null when there is none). */
export async function readProfileText(db: Db, scope: Scope, options: { batchSize: number; after: string | null; upTo?: string | null }): Promise<ProfileText | null> {
  const read = await bulkRead(db, async (copyOut, query) => {
    const rows = await query<StreamRow>(...enterpriseSelect(scope, options.after, options.upTo ?? null, options.batchSize));
    if (rows.length === 0) return null;
    return { rows, years: await copyOut(yearSelect(scope, options.after, rows[rows.length - 1].credit_code)) };
  });
  return read && new ProfileText(read.rows, read.years);
}

/**
 * Contract profiles of every enterprise in scope (after `after`, up to and including `upTo`), in credit-code order,
 * a batch at a time: the same batches as readProfiles over a range.
 */
export async function* streamProfiles(
  db: Db,
  scope: Scope,
  options: { batchSize?: number; after?: string | null; upTo?: string | null } = {},
): AsyncGenerator<ProfileBatch> {
  const limit = options.batchSize ?? 5000;
  let after = options.after ?? null;
  for (;;) {
    const read = await readProfileText(db, scope, { batchSize: limit, after, upTo: options.upTo });
    if (read === null) return;
    const count = read.count;
    const profiles = read.take(Infinity);
    yield { profiles, last: read.last, maxChangeSet: read.maxChangeSet };
    if (count < limit) return;
    after = read.last;
  }
}

/** The enterprises of a batch: scalar columns, details, lists and change set, in credit-code order. */
function enterpriseSelect(scope: Scope, after: string | null, upTo: string | null, limit: number): [string, unknown[]] {
  const params: unknown[] = [];
  const where = [scopeCondition(scope, 'e', params)];
  if (after !== null) {
    params.push(after);
    where.push(`e.credit_code > $${params.length}`);
  }
  if (upTo !== null) {
    params.push(upTo);
    where.push(`e.credit_code <= $${params.length}`);
  }
  params.push(limit);
  return [
    `select e.credit_code, ${ENTERPRISE_COLUMNS.map((column) => `e.${column}`).join(', ')}, e.details, e.lists, e.change_set_id
     from registry.enterprise e where ${where.join(' and ')} order by e.credit_code limit $${params.length}`,
    params,
  ];
}

/** The years of a batch's credit-code range in index order (no lookup or aggregate per enterprise), as COPY. */
function yearSelect(scope: Scope, after: string | null, last: string): string {
  const params: unknown[] = [last];
  const where = ['y.credit_code <= $1'];
  if (after !== null) {
    params.push(after);
    where.push(`y.credit_code > $${params.length}`);
  }
  if (!scope.all) where.push(`exists (select 1 from registry.enterprise e where e.credit_code = y.credit_code and ${scopeCondition(scope, 'e', params)})`);
  return inlineParams(
    `select y.credit_code, y.fiscal_year, ${YEAR_FIELDS.map((field) => `y.${field}`).join(', ')}
     from registry.enterprise_year y where ${where.join(' and ')} order by y.credit_code, y.fiscal_year`,
    params,
  );
}
