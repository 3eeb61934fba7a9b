import { z } from 'zod';

export const provenanceSchema = z.object({
  source: z.string(),
  source_label: z.string(),
  source_ref: z.string().nullable(),
  actor: z.string(),
  at: z.string(),
});

export const portraitResponse = z.object({
  profile: z.record(z.string(), z.unknown()),
  meta: z.object({
    district_name: z.string().nullable(),
    industry_name: z.string().nullable(),
    industry_path: z.array(z.object({ code: z.string(), name: z.string() })),
    chains: z.array(z.object({ id: z.string(), name: z.string() })),
    size_class: z.string().nullable(),
    version: z.number().int(),
    updated_at: z.string(),
  }),
  /** For each known value's path, the id of the change set that wrote it: a key of `change_sets`. */
  provenance: z.record(z.string(), z.number().int()),
  /** Each change set behind the portrait's values, described once (a profile's ~80 values mostly share one or two). */
  change_sets: z.record(z.string(), provenanceSchema),
  gaps: z.array(z.object({ path: z.string(), label: z.string() })),
});
export type PortraitResponse = z.infer<typeof portraitResponse>;

export const historyResponse = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      entity: z.string(),
      before: z.unknown(),
      after: z.unknown(),
      change_set: provenanceSchema,
    }),
  ),
});
export type HistoryResponse = z.infer<typeof historyResponse>;
