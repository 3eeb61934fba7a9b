import type { StandardId, StandardResult } from '../../standards/index.ts';
import { EVIDENCE_TYPES, requiredEvidence, type EvidenceType } from './evidence-rules.ts';

/** One finding of the automatic data audit (数据审核), shown to every reviewer of the application. */
export interface AuditFlag {
  code: 'yoy_jump' | 'rd_above_revenue' | 'registry_differs' | 'source_conflict' | 'duplicate_ip' | 'evidence_missing' | 'unverified_rule' | 'rule_version' | 'annual_update_missing';
  severity: 'high' | 'medium';
  message: string;
  path?: string;
}

const JUMP_FIELDS: Record<string, string> = {
  operating_revenue: '营业收入',
  main_business_revenue: '主营业务收入',
  rd_expense: '研发费用',
  total_assets: '资产总额',
  employees_period_end: '期末从业人员',
};

type Years = Record<string, Record<string, number | null | undefined>>;

export interface AuditFacts {
  standard: StandardId;
  snapshot: Record<string, unknown>;
  assessment: StandardResult | undefined;
  ruleVersion: string;
  jumpFactor: number;
  evidenceTypes: readonly EvidenceType[];
  /** IP numbers of this snapshot also claimed in another enterprise's application. */
  duplicateIp: readonly { number: string; enterprise_name: string; credit_code: string }[];
  /** Figures another source (audit report, tax data) recorded with a different value. */
  sourceConflicts: readonly { path: string; value: unknown; other: unknown; source: string }[];
  /** Re-review only: years of the title's validity without the annual data update. */
  annualUpdatesMissing: readonly number[];
}

const format = (value: unknown) => (typeof value === 'number' ? value.toLocaleString('zh-CN') : String(value ?? '（空）'));

export function auditFlags(facts: AuditFacts): AuditFlag[] {
  const flags: AuditFlag[] = [];
  const years = (facts.snapshot.years ?? {}) as Years;
  const ordered = Object.keys(years).sort();
  for (let i = 1; i < ordered.length; i++) {
    const [previousYear, year] = [ordered[i - 1], ordered[i]];
    if (Number(year) - Number(previousYear) !== 1) continue;
    for (const [field, label] of Object.entries(JUMP_FIELDS)) {
      const before = years[previousYear][field];
      const after = years[year][field];
      if (typeof before !== 'number' || typeof after !== 'number' || before <= 0 || after <= 0) continue;
      const ratio = after / before;
      if (ratio > facts.jumpFactor || ratio < 1 / facts.jumpFactor) {
        flags.push({
          code: 'yoy_jump',
          severity: 'medium',
          path: `years.${year}.${field}`,
          message: `${year}年${label}（${format(after)}）是${previousYear}年（${format(before)}）的 ${ratio.toFixed(2)} 倍，超出同比变动阈值 ${facts.jumpFactor} 倍`,
        });
      }
    }
  }
  for (const year of ordered) {
    const { rd_expense: rd, operating_revenue: revenue } = years[year];
    if (typeof rd === 'number' && typeof revenue === 'number' && rd > revenue) {
      flags.push({ code: 'rd_above_revenue', severity: 'high', path: `years.${year}.rd_expense`, message: `${year}年研发费用（${format(rd)}万元）高于营业收入（${format(revenue)}万元）` });
    }
  }
  for (const conflict of facts.sourceConflicts) {
    flags.push({
      code: 'source_conflict',
      severity: 'high',
      path: conflict.path,
      message: `${conflict.path} 申报值 ${format(conflict.value)} 与${conflict.source}记录的 ${format(conflict.other)} 不一致`,
    });
  }
  for (const duplicate of facts.duplicateIp) {
    flags.push({ code: 'duplicate_ip', severity: 'high', path: 'ip_items', message: `知识产权 ${duplicate.number} 同时被“${duplicate.enterprise_name}”（${duplicate.credit_code}）申报` });
  }
  for (const type of requiredEvidence(facts.standard, facts.snapshot)) {
    if (!facts.evidenceTypes.includes(type)) flags.push({ code: 'evidence_missing', severity: 'high', message: `缺少必备材料：${EVIDENCE_TYPES[type]}` });
  }
  if (facts.assessment) {
    if (facts.assessment.version !== facts.ruleVersion) {
      flags.push({ code: 'rule_version', severity: 'medium', message: `自评适用的规则版本为 ${facts.assessment.version}，与批次规定的 ${facts.ruleVersion} 不同` });
    }
    if (facts.assessment.version_quality === 'U') {
      flags.push({ code: 'unverified_rule', severity: 'medium', message: `规则版本的选用属于待核实的解释：${facts.assessment.version_note ?? '见标准说明'}` });
    }
    for (const criterion of facts.assessment.criteria) {
      if (criterion.quality === 'U' && (criterion.status === 'met' || criterion.status === 'unmet')) {
        flags.push({ code: 'unverified_rule', severity: 'medium', path: criterion.id, message: `指标 ${criterion.id}“${criterion.name}”的依据待核实，结论（${criterion.status === 'met' ? '达标' : '未达标'}）须人工确认` });
      }
    }
  }
  for (const year of facts.annualUpdatesMissing) {
    flags.push({ code: 'annual_update_missing', severity: 'high', message: `${year}年未在 5 月 31 日前完成年度数据更新，按规定可能丧失复核资格` });
  }
  return flags;
}

/** Year figures of the snapshot that the registry no longer holds with the same value (corrections after submission). */
export function registryDifferences(snapshot: Record<string, unknown>, current: Record<string, unknown>): AuditFlag[] {
  const flags: AuditFlag[] = [];
  const before = (snapshot.years ?? {}) as Years;
  const now = (current.years ?? {}) as Years;
  for (const year of Object.keys(before).sort()) {
    for (const [field, value] of Object.entries(before[year])) {
      const currentValue = now[year]?.[field] ?? null;
      if ((value ?? null) !== currentValue) {
        flags.push({
          code: 'registry_differs',
          severity: 'high',
          path: `years.${year}.${field}`,
          message: `years.${year}.${field} 申报时为 ${format(value)}，企业库现为 ${format(currentValue)}`,
        });
      }
    }
  }
  return flags;
}
