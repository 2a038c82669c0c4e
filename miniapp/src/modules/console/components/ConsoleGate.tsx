import type { MeResponse, StaffRole, StaffSummary } from '@leadloop/shared';
import type { ReactNode } from 'react';
import { describeError } from '@/core/api/api-error';
import { Card, Loading, ResultPanel, RetryCard } from '@/ui';

interface ConsoleGateProps {
  me: MeResponse | null;
  error: unknown;
  onRetry(): void;
  /** Who may see the content; any staff member when left out. */
  roles?: readonly StaffRole[];
  children(me: MeResponse, staff: StaffSummary): ReactNode;
}

/** The console's checks before its content: the person has loaded, is a staff member, and has a role that may see it. */
export function ConsoleGate({ me, error, onRetry, roles, children }: ConsoleGateProps) {
  if (!me) return error ? <RetryCard message={describeError(error)} onRetry={onRetry} /> : <Loading />;
  if (!me.staff) {
    return (
      <Card>
        <ResultPanel tone='warning' title='仅团队成员可使用控制台' description='请先通过管理员发出的邀请绑定团队账号。' />
      </Card>
    );
  }
  if (roles && !roles.includes(me.staff.role)) {
    return (
      <Card>
        <ResultPanel tone='warning' title='暂无权限' description='该功能仅对管理员和市场同事开放。' />
      </Card>
    );
  }
  return <>{children(me, me.staff)}</>;
}
