import type { StandardId } from '../../standards/index.ts';

export const EVIDENCE_TYPES = {
  audit_report: '审计报告',
  ip_certificate: '知识产权证书',
  qualification_certificate: '已获称号证书',
  tax_certificate: '纳税证明',
  other: '其他材料',
} as const;
export type EvidenceType = keyof typeof EVIDENCE_TYPES;
export const EVIDENCE_TYPE_IDS = Object.keys(EVIDENCE_TYPES) as EvidenceType[];

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** Accepted file types, each recognised by its first bytes as well as by the declared type. */
export const EVIDENCE_CONTENT_TYPES: Record<string, { label: string; magic: number[] }> = {
  'application/pdf': { label: 'PDF', magic: [0x25, 0x50, 0x44, 0x46] },
  'image/png': { label: 'PNG', magic: [0x89, 0x50, 0x4e, 0x47] },
  'image/jpeg': { label: 'JPEG', magic: [0xff, 0xd8, 0xff] },
};

export function contentMatchesType(contentType: string, bytes: Uint8Array): boolean {
  const rule = EVIDENCE_CONTENT_TYPES[contentType];
  return !!rule && rule.magic.every((byte, index) => bytes[index] === byte);
}

/** Standards whose prerequisite is a title already held (its certificate must be attached). */
const NEEDS_TITLE_CERTIFICATE: readonly StandardId[] = ['specialized_sme', 'little_giant'];

/** Evidence an application must carry: always the audit report; IP certificates when IP is claimed; the prerequisite title. */
export function requiredEvidence(standard: StandardId, snapshot: Record<string, unknown>): EvidenceType[] {
  const required: EvidenceType[] = ['audit_report'];
  const ip = snapshot.ip_items;
  if (Array.isArray(ip) && ip.length > 0) required.push('ip_certificate');
  if (NEEDS_TITLE_CERTIFICATE.includes(standard)) required.push('qualification_certificate');
  return required;
}
