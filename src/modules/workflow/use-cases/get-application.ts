import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { CITY_ROLES, type Principal } from '../../../platform/policy.ts';
import { STANDARD_NAMES, type StandardId } from '../../../standards/index.ts';
import { getProfile } from '../../registry/use-cases/get-portrait.ts';
import { registryDifferences, type AuditFlag } from '../data-audit.ts';
import { aggregateScores } from '../expert-draw.ts';
import { EVIDENCE_TYPES, requiredEvidence, type EvidenceType } from '../evidence-rules.ts';
import * as repo from '../repository.ts';
import { banOf, selfAssess } from '../self-assessment.ts';
import { EDITABLE_STATES, STATES, TRANSITIONS, transitionsFrom } from '../state-machine.ts';
import { actingRole, viewerOf } from '../viewer.ts';
import { describeBatch } from './list-batches.ts';

/**
 * One application as the caller may see it. A draft shows the engine's assessment of the live registry
 * profile (the preview before submitting); after submission, the frozen snapshot and its stored assessment.
 * Reviewers also see live checks: registry corrections since submission and IP claimed by another applicant.
 */
export async function getApplication(db: Db, principal: Principal, id: number, today: string) {
  const viewer = viewerOf(principal);
  const application = await repo.findApplication(db, viewer, id);
  if (!application) throw new AppError('NOT_FOUND', `申报 ${id} 不存在或不在您的权限范围内`);
  const batch = (await repo.findBatch(db, application.batch_id))!;
  const isCity = CITY_ROLES.some((role) => principal.roles.has(role));
  const isDistrict = actingRole(principal, ['district_officer'], application) !== null;
  const isOwner = actingRole(principal, ['enterprise_user'], application) !== null;
  const isStaff = isCity || isDistrict;
  const standard = batch.standard as StandardId;

  let profile = application.snapshot;
  let assessment = application.self_assessment;
  let liveFlags: AuditFlag[] = [];
  let ban: ReturnType<typeof banOf> = null;
  if (isStaff || isOwner) {
    const current = await getProfile(db, principal.scope, application.credit_code);
    ban = banOf(current, today);
    if (!application.snapshot) {
      profile = current;
      assessment = selfAssess(current, standard, batch.kind, today);
    } else if (isStaff) {
      liveFlags = registryDifferences(application.snapshot, current);
    }
  }
  if (isStaff && application.snapshot) {
    const numbers = ((application.snapshot.ip_items ?? []) as { number?: string | null }[]).map((item) => item.number).filter((n): n is string => !!n);
    const stored = new Set(application.flags.filter((f) => f.code === 'duplicate_ip').map((f) => f.message));
    for (const duplicate of await repo.duplicateIpClaims(db, application.credit_code, numbers)) {
      const message = `知识产权 ${duplicate.number} 同时被“${duplicate.enterprise_name}”（${duplicate.credit_code}）申报`;
      if (!stored.has(message)) liveFlags.push({ code: 'duplicate_ip', severity: 'high', path: 'ip_items', message });
    }
  }

  const evidence = await repo.evidenceOf(db, id);
  const reviews = await repo.reviewsOf(db, id);
  const ownReview = viewer.expertUsername ? reviews.filter((review) => review.expert_username === viewer.expertUsername) : [];
  const scores = reviews.map((review) => review.score).filter((score): score is number => score !== null);
  const recognition = application.state === 'recognized' || application.state === 'revoked' || application.state === 'expired'
    ? (await repo.recognitionsOfBatch(db, batch.id)).find((r) => r.application_id === id) ?? null
    : null;
  const actions = transitionsFrom(application.state, principal.roles).filter((transition) => actingRole(principal, TRANSITIONS[transition].roles, application) !== null);

  return {
    id: application.id,
    state: application.state,
    state_label: STATES[application.state],
    version: application.version,
    credit_code: application.credit_code,
    district_code: application.district_code,
    enterprise_name: application.enterprise_name,
    submitted_at: application.submitted_at?.toISOString() ?? null,
    batch: describeBatch(batch, today),
    standard_name: STANDARD_NAMES[standard],
    editable: isOwner && EDITABLE_STATES.includes(application.state),
    actions: actions.map((transition) => ({ transition, label: TRANSITIONS[transition].label, reason_required: TRANSITIONS[transition].reasonRequired })),
    application_ban: ban,
    profile,
    profile_is_snapshot: application.snapshot !== null,
    self_assessment: assessment,
    flags: [...application.flags, ...liveFlags],
    required_evidence: profile ? requiredEvidence(standard, profile).map((type) => ({ type, label: EVIDENCE_TYPES[type], present: evidence.some((e) => e.evidence_type === type) })) : [],
    evidence: evidence.map((e) => ({ ...e, type_label: EVIDENCE_TYPES[e.evidence_type as EvidenceType] ?? e.evidence_type, uploaded_at: e.uploaded_at.toISOString() })),
    events: (await repo.eventsOf(db, id)).map((event) => ({
      ...event,
      label: TRANSITIONS[event.transition as keyof typeof TRANSITIONS]?.label ?? event.transition,
      to_label: STATES[event.to_state],
      at: event.at.toISOString(),
    })),
    review: isCity
      ? {
          reviews: reviews.map((review) => ({ ...review, scored_at: review.scored_at?.toISOString() ?? null })),
          aggregate: aggregateScores(scores),
        }
      : { reviews: ownReview.map((review) => ({ ...review, scored_at: review.scored_at?.toISOString() ?? null })), aggregate: null },
    can_score: ownReview.length === 1 && ownReview[0].score === null && application.state === 'city_review',
    spot_checks: isStaff ? (await repo.spotChecksOf(db, id)).map((c) => ({ ...c, recorded_at: c.recorded_at.toISOString() })) : [],
    objections: isStaff ? (await repo.objectionsOf(db, id)).map((o) => ({ ...o, resolved_at: o.resolved_at?.toISOString() ?? null })) : [],
    recognition,
  };
}
