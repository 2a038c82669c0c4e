export const StaffRoles = ['admin', 'marketer', 'sdr', 'sales', 'partner'] as const;
export type StaffRole = (typeof StaffRoles)[number];

export const StaffRoleLabels: Record<StaffRole, string> = {
  admin: '管理员',
  marketer: '市场',
  sdr: 'SDR',
  sales: '销售',
  partner: '渠道伙伴',
};

/** Who may call a route: `public` (no session), `person` (any session) or the staff roles allowed. */
export type AccessRule = 'public' | 'person' | readonly StaffRole[];

/**
 * The access rules the route table and the console navigation use, by name; a route or page
 * names one of these instead of listing roles inline.
 */
export const Access = {
  /** Anyone; a valid session is used when sent. */
  public: 'public',
  /** Any signed-in person (prospect or staff). */
  person: 'person',
  /** Every active staff member, whatever their role (their own card, shares, invites they accept). */
  anyStaff: StaffRoles,
  /** The marketing console: campaigns, content, channels, reports. */
  console: ['admin', 'marketer'],
  /** Lead work: every staff role; which leads each one sees is decided per lead (`leads/lead-access.ts`). */
  leads: StaffRoles,
  /** Account pages: the console sees every account; another staff member only the accounts they own (`accounts.service.ts`). */
  accountPage: StaffRoles,
  /** Sales teams: admins and marketers see every group; another staff member only what the groups they manage allow (`sales-org/team-access.ts`). */
  salesTeam: StaffRoles,
  /** Admins only: staff accounts and invites. */
  admin: ['admin'],
} as const satisfies Record<string, AccessRule>;

/** Whether a staff member with this role passes the rule (a staff member is also a signed-in person). */
export function roleAllowed(rule: AccessRule, role: StaffRole): boolean {
  return rule === 'public' || rule === 'person' || rule.includes(role);
}

/** Roles that see every lead (the pool); the others see the leads they own. */
export const LeadPoolRoles: readonly StaffRole[] = ['admin', 'marketer'];

/** Roles that never receive a full phone number, not even of their own leads. */
export const MaskedPhoneRoles: readonly StaffRole[] = ['partner'];
