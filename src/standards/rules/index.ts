import { cqGazelle2024 } from './cq-gazelle-2024.ts';
import { cqSingleChampion2024 } from './cq-single-champion-2024.ts';
import { cqPotentialUnicorn2024, cqUnicorn2024 } from './cq-unicorn-2024.ts';
import { highTech2016 } from './high-tech-2016.ts';
import { innovativeSme2022 } from './innovative-sme-2022.ts';
import { littleGiant2022 } from './little-giant-2022.ts';
import { littleGiant2026 } from './little-giant-2026.ts';
import { singleChampion2023 } from './single-champion-2023.ts';
import { specializedSme2022 } from './specialized-sme-2022.ts';
import { specializedSme2026 } from './specialized-sme-2026.ts';
import { techInnovativeSme2026 } from './tech-innovative-sme-2026.ts';
import { techSme2017 } from './tech-sme-2017.ts';
import type { StandardId, StandardRule } from './types.ts';

/** Every rule version, by standard, oldest first. A new version is one more entry here plus its rule file. */
export const RULES: Record<StandardId, readonly StandardRule[]> = {
  tech_sme: [techSme2017],
  innovative_sme: [innovativeSme2022],
  tech_innovative_sme: [techInnovativeSme2026],
  specialized_sme: [specializedSme2022, specializedSme2026],
  little_giant: [littleGiant2022, littleGiant2026],
  high_tech: [highTech2016],
  single_champion: [singleChampion2023],
  cq_single_champion: [cqSingleChampion2024],
  cq_gazelle: [cqGazelle2024],
  cq_unicorn: [cqUnicorn2024],
  cq_potential_unicorn: [cqPotentialUnicorn2024],
};

export * from './types.ts';
