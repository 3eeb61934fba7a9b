import type { Role } from '../../platform/policy.ts';

/** The states of an application, in the order an application moves through them. */
export const STATES = {
  draft: '草稿',
  submitted: '待区县初审',
  returned: '退回修改',
  withdrawn: '已撤回',
  district_rejected: '区县不予推荐',
  city_review: '市级评审中',
  city_rejected: '市级不予认定',
  approved: '拟认定',
  in_publicity: '公示中',
  struck: '公示未通过',
  recognized: '已认定',
  expired: '已到期',
  revoked: '已撤销',
} as const;
export type State = keyof typeof STATES;
export const STATE_IDS = Object.keys(STATES) as State[];

/** Who may act: a role of the platform, or the scheduled job ('system'). */
export type Actor = Role | 'system';

export interface TransitionDef {
  label: string;
  from: readonly State[];
  to: State;
  roles: readonly Actor[];
  reasonRequired: boolean;
  /**
   * Transitions that belong to a wider operation are refused by the single-application endpoint and
   * name the operation that performs them (the batch's publicity, the final list, an objection, …).
   */
  via?: string;
}

const CITY: readonly Actor[] = ['city_admin', 'city_officer'];

export const TRANSITIONS = {
  submit: { label: '提交申报', from: ['draft'], to: 'submitted', roles: ['enterprise_user'], reasonRequired: false },
  resubmit: { label: '修改后重新提交', from: ['returned'], to: 'submitted', roles: ['enterprise_user'], reasonRequired: false },
  withdraw: { label: '撤回申报', from: ['draft', 'submitted', 'returned'], to: 'withdrawn', roles: ['enterprise_user'], reasonRequired: false },
  district_pass: { label: '初审通过并推荐', from: ['submitted'], to: 'city_review', roles: ['district_officer'], reasonRequired: false },
  district_return: { label: '退回修改', from: ['submitted'], to: 'returned', roles: ['district_officer'], reasonRequired: true },
  district_reject: { label: '初审不予推荐', from: ['submitted'], to: 'district_rejected', roles: ['district_officer'], reasonRequired: true },
  city_approve: { label: '市级审定通过', from: ['city_review'], to: 'approved', roles: CITY, reasonRequired: false },
  city_reject: { label: '市级不予认定', from: ['city_review'], to: 'city_rejected', roles: CITY, reasonRequired: true },
  publicize: { label: '列入公示', from: ['approved'], to: 'in_publicity', roles: CITY, reasonRequired: false, via: '批次“开始公示”' },
  strike: { label: '异议成立，移出名单', from: ['in_publicity'], to: 'struck', roles: CITY, reasonRequired: true, via: '异议处理（异议成立）' },
  recognize: { label: '认定并发布名单', from: ['in_publicity'], to: 'recognized', roles: CITY, reasonRequired: false, via: '批次“发布认定名单”' },
  expire: { label: '有效期届满', from: ['recognized'], to: 'expired', roles: ['system'], reasonRequired: false, via: '每日到期处理（tidu workflow daily）' },
  revoke: { label: '撤销认定', from: ['recognized'], to: 'revoked', roles: CITY, reasonRequired: true, via: '动态管理“撤销认定”' },
} as const satisfies Record<string, TransitionDef>;

export type TransitionId = keyof typeof TRANSITIONS;
export const TRANSITION_IDS = Object.keys(TRANSITIONS) as TransitionId[];

export function transitionDef(id: TransitionId): TransitionDef {
  return TRANSITIONS[id];
}

/** States where the enterprise may still change its evidence. */
export const EDITABLE_STATES: readonly State[] = ['draft', 'returned'];
/** States an application leaves no more. */
export const FINAL_STATES: readonly State[] = ['withdrawn', 'district_rejected', 'city_rejected', 'struck', 'expired', 'revoked'];

/** The transitions a role could take from a state (for the buttons a page shows). */
export function transitionsFrom(state: State, roles: Iterable<Actor>): TransitionId[] {
  const held = new Set(roles);
  return TRANSITION_IDS.filter((id) => {
    const def: TransitionDef = TRANSITIONS[id];
    return def.from.includes(state) && !def.via && def.roles.some((role) => held.has(role));
  });
}
