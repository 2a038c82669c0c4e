export const StaffRoles = ['admin', 'marketer', 'sdr', 'sales', 'partner'] as const;
export type StaffRole = (typeof StaffRoles)[number];

export const StaffRoleLabels: Record<StaffRole, string> = {
  admin: '管理员',
  marketer: '市场',
  sdr: 'SDR',
  sales: '销售',
  partner: '渠道伙伴',
};

/** Roles that may use the marketing console (staff management, campaigns, reports). */
export const ConsoleRoles: readonly StaffRole[] = ['admin', 'marketer'];

/** Named access rules for routes (shared/src/api.ts). */
export const Access = {
  /** Brand settings and the policy texts speak for the company: admins only. */
  brand: ['admin'] as readonly StaffRole[],
  /** The prospect home page is marketing's to build. */
  homePage: ConsoleRoles,
} as const;
