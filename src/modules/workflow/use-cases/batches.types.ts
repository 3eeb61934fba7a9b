import { z } from 'zod';

export const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: '应为 YYYY-MM-DD 格式的日期' });

/** The standards the city itself recognises; 小巨人 and 单项冠军 are recommended to the ministry, not recognised here. */
export const RECOGNISED_STANDARDS = ['innovative_sme', 'specialized_sme', 'cq_single_champion', 'cq_gazelle', 'cq_unicorn', 'cq_potential_unicorn'] as const;
export type RecognisedStandard = (typeof RECOGNISED_STANDARDS)[number];

/** Certificate number prefixes, e.g. 渝专精特新〔2026〕1-001. */
export const CERTIFICATE_PREFIX: Record<RecognisedStandard, string> = {
  innovative_sme: '渝创新型',
  specialized_sme: '渝专精特新',
  cq_single_champion: '渝单项冠军',
  cq_gazelle: '渝瞪羚',
  cq_unicorn: '渝独角兽',
  cq_potential_unicorn: '渝潜在独角兽',
};

/** The level recorded on the qualification the recognition creates: Chongqing is a provincial-level city. */
export const QUALIFICATION_LEVEL = 'provincial';
export const ISSUER = '重庆市经济和信息化委员会';

