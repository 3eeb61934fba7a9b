import dayjs from 'dayjs';

export type QualificationState = 'valid' | 'expiring' | 'expired' | 'no_expiry';

/** Within this many days of expiry a title shows as 即将到期, time enough to prepare a re-review. */
const EXPIRY_WARNING_DAYS = 90;

export function qualificationState(expiryDate: string | null | undefined, on = dayjs()): QualificationState {
  if (!expiryDate) return 'no_expiry';
  const expiry = dayjs(expiryDate);
  if (expiry.isBefore(on, 'day')) return 'expired';
  if (expiry.diff(on, 'day') <= EXPIRY_WARNING_DAYS) return 'expiring';
  return 'valid';
}

export const QUALIFICATION_STATE_TAGS: Record<QualificationState, { label: string; color: string }> = {
  valid: { label: '有效', color: 'green' },
  expiring: { label: '即将到期', color: 'orange' },
  expired: { label: '已过期', color: 'default' },
  no_expiry: { label: '长期有效', color: 'green' },
};
