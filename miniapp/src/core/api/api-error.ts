import type { ErrorCode } from '@leadloop/shared';

/** Failures that never reach the server or do not come from it. */
export type ClientErrorCode =
  | 'NETWORK_ERROR'
  | 'BAD_RESPONSE'
  | 'LOGIN_REQUIRED'
  | 'LOGIN_UNAVAILABLE'
  | 'NOT_SUPPORTED'
  | 'CANCELLED'
  /** The person refused a WeChat permission (album, contacts…) earlier; only the settings page can grant it now. */
  | 'PERMISSION_DENIED';

export type ApiErrorCode = ErrorCode | ClientErrorCode;

/** Every failed call rejects with this; callers switch on `code`, never on `message`. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly requestId: string | null;
  readonly details: unknown;

  constructor(code: ApiErrorCode, message: string, options: { status?: number; requestId?: string | null; details?: unknown } = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = options.status ?? 0;
    this.requestId = options.requestId ?? null;
    this.details = options.details;
  }
}

export function isApiError(error: unknown, ...codes: ApiErrorCode[]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}

const Messages: Partial<Record<ApiErrorCode, string>> = {
  NETWORK_ERROR: '网络不太稳定，请稍后重试',
  BAD_RESPONSE: '服务返回异常，请稍后重试',
  LOGIN_REQUIRED: '请先登录',
  LOGIN_UNAVAILABLE: '当前场景暂不支持登录，请前往小程序打开',
  NOT_SUPPORTED: '当前环境暂不支持该功能',
  CANCELLED: '已取消',
  PERMISSION_DENIED: '没有获得授权，请在设置中开启后重试',
  PAYLOAD_TOO_LARGE: '文件太大了，请压缩后重新上传',
  VALIDATION_FAILED: '填写的内容有误，请检查后重试',
  UNAUTHENTICATED: '登录已失效，请重新登录',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  SESSION_INVALID: '登录已失效，请重新登录',
  FORBIDDEN: '没有权限进行此操作',
  NOT_FOUND: '内容不存在或已被删除',
  CONFLICT: '操作冲突，请刷新后重试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  INTERNAL: '服务开小差了，请稍后重试',
  SERVICE_UNAVAILABLE: '服务暂不可用，请稍后重试',
  WECHAT_CODE_INVALID: '微信授权已失效，请重试',
  WECHAT_CODE_USED: '微信授权已使用，请重试',
  WECHAT_RATE_LIMITED: '微信接口繁忙，请稍后重试',
  WECHAT_BUSY: '微信系统繁忙，请稍后重试',
  WECHAT_UNAVAILABLE: '暂时连不上微信，请稍后重试',
  WECHAT_ERROR: '微信返回异常，请稍后重试',
  PHONE_CODE_INVALID: '手机号授权已失效，请重新授权',
  IDENTIFIER_BELONGS_TO_STAFF: '该手机号或邮箱已被企业员工使用，暂时无法绑定，管理员核实后会处理',
  UNMERGE_NOT_EXACT: '无法精确撤销这次合并',
  MERGE_NOT_FOUND: '这条合并记录不存在',
  PERSON_NOT_FOUND: '找不到这位用户',
  IDENTIFIER_CONFLICT_NOT_FOUND: '这条冲突已处理',
  INVITE_INVALID: '邀请链接无效',
  INVITE_USED: '该邀请已被使用',
  INVITE_EXPIRED: '邀请已过期，请联系管理员重新邀请',
  STAFF_ALREADY_BOUND: '你的微信已绑定员工账号',
  STAFF_DISABLED: '员工账号已停用，请联系管理员',
  STAFF_LAST_ADMIN: '至少要保留一位在职的管理员，请先指定另一位管理员',
  STAFF_HANDOVER_INVALID: '请选择另一位在职成员来接手',
  LOGIN_TICKET_INVALID: '二维码无效，请在电脑上刷新后重新扫码',
  LOGIN_TICKET_EXPIRED: '二维码已过期，请在电脑上刷新后重新扫码',
  LOGIN_TICKET_USED: '该二维码已使用，请在电脑上刷新后重新扫码',
  LEAD_NOT_FOUND: '这条线索不存在或已被删除',
  LEAD_NOT_YOURS: '这条线索由其他同事跟进，你无权查看或修改',
  TAG_LIMIT_REACHED: '每条线索最多 20 个标签，请先移除一些',
  ACCOUNT_NOT_FOUND: '客户不存在或已被合并',
  ACCOUNT_NOT_YOURS: '只有客户负责人和市场团队可以查看该客户',
  ACCOUNT_MERGE_INVALID: '这两个客户无法合并（其中一个可能已被合并）',
  ACCOUNT_NAME_TAKEN: '已有同名客户，请改用合并',
  ACCOUNT_IMPORT_INVALID: '文件中有不符合要求的行，未导入任何数据',
  ACCOUNT_IMPORT_UNREADABLE: '无法读取该文件，请上传 CSV 格式（UTF-8 或 GBK 编码）',
  CONTACT_NOT_IN_ACCOUNT: '此人不是该客户的联系人',
  SALES_GROUP_NOT_FOUND: '销售组不存在或已被删除',
  SALES_GROUP_NOT_YOURS: '只有管理员和该组组长可以操作这个销售组',
  SALES_MEMBER_NOT_FOUND: '该成员不在这个销售组',
  SALES_MEMBER_INVALID: '只有在职的销售、SDR 或渠道伙伴可以加入销售组',
  SALES_MANAGER_INVALID: '组长需为在职员工',
  ROUTING_GROUP_UNKNOWN: '有规则指向的销售组已不存在，请重新选择',
  REASSIGN_NOT_ALLOWED: '只有管理员或负责人的组长可以改派这条线索',
  REASSIGN_TARGET_INVALID: '请选择当前负责人以外的在职销售、SDR 或渠道伙伴',
  STAFF_NOT_FOUND: '找不到这位在职成员',
};

/** The sentence a person sees for a failure. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return Messages[error.code] ?? '操作失败，请稍后重试';
  return '操作失败，请稍后重试';
}
