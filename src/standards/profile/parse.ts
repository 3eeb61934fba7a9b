import type { z } from 'zod';
import { profileSchema, type Profile } from './schema.ts';

export interface ProfileIssue {
  /** Position of the profile in the input list (0-based); null when the document itself is malformed. */
  index: number | null;
  /** Key path inside the profile, e.g. `years.2025.rd_expense`. */
  key: string;
  message: string;
}

/** Malformed profile input. `message` is Chinese and names the profile and the key of the first problem. */
export class ProfileParseError extends Error {
  constructor(readonly issues: ProfileIssue[]) {
    super(describeIssue(issues[0]) + (issues.length > 1 ? `（另有 ${issues.length - 1} 处问题）` : ''));
    this.name = 'ProfileParseError';
  }
}

export function describeIssue(issue: ProfileIssue): string {
  if (issue.index === null) return issue.key ? `${issue.key}：${issue.message}` : issue.message;
  const where = `第 ${issue.index + 1} 个企业画像（下标 ${issue.index}）`;
  return issue.key ? `${where}的 ${issue.key}：${issue.message}` : `${where}：${issue.message}`;
}

const TYPE_NAMES: Record<string, string> = {
  number: '数字',
  string: '文本',
  boolean: '布尔值（true 或 false）',
  array: '列表',
  object: '对象',
  record: '对象',
  int: '整数',
};

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return '缺少此项';
      return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    }
    case 'unrecognized_keys':
      return issue.keys.length > 1 ? `不认识的字段（另有 ${issue.keys.slice(1).join('、')}），请检查拼写` : '不认识的字段，请检查拼写';
    case 'invalid_value':
      return `取值无效，应为以下之一：${issue.values.map((v) => String(v)).join('、')}`;
    case 'too_small':
      return issue.origin === 'string' ? '不能为空' : `不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      return `不能大于 ${String(issue.maximum)}`;
    case 'invalid_format':
    case 'custom':
      return issue.message;
    case 'invalid_key':
      return issue.message || '键无效';
    default:
      return issue.message;
  }
}

function issuesOf(error: z.ZodError, index: number): ProfileIssue[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path);
    const message = issue.code === 'invalid_key' && issue.issues[0] ? issueMessage(issue.issues[0]) : issueMessage(issue);
    return { index, key: path, message };
  });
}

export function parseProfile(input: unknown, index = 0): Profile {
  const result = profileSchema.safeParse(input, { reportInput: true });
  if (!result.success) throw new ProfileParseError(issuesOf(result.error, index));
  return result.data;
}

/** Accepts a JSON array of profiles or `{ enterprises: [...] }`; throws ProfileParseError on the first bad profile. */
export function parseProfiles(json: unknown): { profiles: Profile[] } {
  let list: unknown;
  if (Array.isArray(json)) list = json;
  else if (json !== null && typeof json === 'object' && 'enterprises' in json) list = (json as { enterprises: unknown }).enterprises;
  else throw new ProfileParseError([{ index: null, key: '', message: '输入应为企业画像的 JSON 数组，或 { "enterprises": [ … ] }' }]);
  if (!Array.isArray(list)) throw new ProfileParseError([{ index: null, key: 'enterprises', message: '应为列表' }]);
  const profiles: Profile[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) profiles[i] = parseProfile(list[i], i);
  return { profiles };
}
