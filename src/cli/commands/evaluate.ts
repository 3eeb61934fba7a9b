import { readFile } from 'node:fs/promises';
import {
  dateSchema,
  evaluate,
  EvaluationOptionError,
  parseProfiles,
  ProfileParseError,
  STANDARD_IDS,
  type Application,
  type EvaluateOptions,
  type Profile,
  type StandardId,
} from '../../standards/index.ts';
import { parseArgs } from '../args.ts';

const USAGE = '用法：tidu evaluate 文件 --as-of YYYY-MM-DD [--application new|re_review] [--standards 标准,标准]';

function usageError(message: string): number {
  process.stderr.write(`${message}\n${USAGE}\n`);
  return 2;
}

function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));
}

/** Profiles explained per slice: each slice's output is written and dropped before the next, instead of one huge document in memory. */
const SLICE = 250;
const FLUSH_AT = 1 << 20;

/** Writes exactly `JSON.stringify(evaluate(profiles, options))` and a newline, one slice of profiles at a time. */
async function writeEvaluation(profiles: readonly Profile[], options: EvaluateOptions): Promise<void> {
  let pending = '';
  for (let from = 0; from === 0 || from < profiles.length; from += SLICE) {
    const output = evaluate(profiles.slice(from, from + SLICE), options);
    if (from === 0) pending = `{"as_of":${JSON.stringify(output.as_of)},"application":${JSON.stringify(output.application)},"results":[`;
    for (let i = 0; i < output.results.length; i++) {
      pending += (from > 0 || i > 0 ? ',' : '') + JSON.stringify(output.results[i]);
      if (pending.length >= FLUSH_AT) {
        await write(pending);
        pending = '';
      }
    }
  }
  await write(`${pending}]}\n`);
}

/** `tidu evaluate FILE --as-of …`: one JSON document in the contract's output format on standard output. */
export async function run(args: string[]): Promise<number> {
  const { positional, options } = parseArgs(args);
  const known = new Set(['as-of', 'application', 'standards']);
  for (const key of options.keys()) if (!known.has(key)) return usageError(`不认识的参数：--${key}`);
  if (positional.length !== 1) return usageError(positional.length === 0 ? '缺少企业画像文件' : `只能评价一个文件，收到：${positional.join(' ')}`);
  const asOf = options.get('as-of');
  if (typeof asOf !== 'string') return usageError('缺少评价日期 --as-of YYYY-MM-DD');
  if (!dateSchema.safeParse(asOf).success) return usageError(`--as-of 应为 YYYY-MM-DD 格式的有效日期，收到：${asOf}`);
  const application = options.get('application') ?? 'new';
  if (application !== 'new' && application !== 're_review') return usageError(`--application 应为 new（新申请）或 re_review（复核），收到：${String(application)}`);
  let standards: StandardId[] | undefined;
  const list = options.get('standards');
  if (list !== undefined) {
    if (list === true) return usageError('--standards 需要以逗号分隔的标准编号');
    standards = list.split(',').map((s) => s.trim()).filter(Boolean) as StandardId[];
    const unknown = standards.filter((s) => !(STANDARD_IDS as readonly string[]).includes(s));
    if (unknown.length > 0) return usageError(`未知的标准：${unknown.join('、')}。可用的标准有：${STANDARD_IDS.join('、')}`);
  }

  let text: string;
  try {
    text = await readFile(positional[0], 'utf8');
  } catch (error) {
    process.stderr.write(`无法读取文件 ${positional[0]}：${(error as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (error as Error).message}\n`);
    return 1;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    process.stderr.write(`文件 ${positional[0]} 不是有效的 JSON：${(error as Error).message}\n`);
    return 1;
  }
  try {
    const { profiles } = parseProfiles(json);
    await writeEvaluation(profiles, { asOf, application: application as Application, standards });
    return 0;
  } catch (error) {
    if (error instanceof ProfileParseError) {
      process.stderr.write(`企业画像有误：${error.message}\n`);
      return 1;
    }
    if (error instanceof EvaluationOptionError) return usageError(error.message);
    throw error;
  }
}
