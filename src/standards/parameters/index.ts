export * from './types.ts';
export { gradient2022, DOC_2022, FROM_2022 } from './gradient-2022.ts';
export { gradient2026, DOC_2026, FROM_2026 } from './gradient-2026.ts';
export { highTech, DOC_HNTE, DOC_HNTE_GUIDE, FROM_HNTE } from './high-tech.ts';
export { techSme, DOC_TECH_SME, DOC_TECH_SME_GUIDE, FROM_TECH_SME } from './tech-sme.ts';
export { singleChampion, DOC_CHAMPION, FROM_CHAMPION } from './single-champion.ts';
export { sizeLimits, sizeSectorOf, SIZE_SECTORS, DOC_SIZE, FROM_SIZE, type SizeSector, type SizeLimits } from './size-standard.ts';
export { chongqing, DOC_CQ_GAZELLE, DOC_CQ_CHAMPION, FROM_CQ } from './chongqing.ts';
