import { describeError } from '@/core/api/api-error';
import { ConsoleHeader } from '@/modules/console/components/ConsoleHeader';
import { ConsoleLayout } from '@/modules/console/components/ConsoleLayout';
import { ConsoleNav } from '@/modules/console/components/ConsoleNav';
import { ConsoleWelcome } from '@/modules/console/components/ConsoleWelcome';
import { InviteCreator } from '@/modules/console/components/InviteCreator';
import { StaffTable } from '@/modules/console/components/StaffTable';
import { useConsoleAccess } from '@/modules/console/hooks/useConsoleAccess';
import { useStaffDirectory } from '@/modules/console/hooks/useStaffDirectory';
import { leaveConsole } from '@/modules/console/services/console-auth.service';
import { ActionButton, Card, Loading, Notice, Page, ResultPanel } from '@/ui';

export default function ConsoleHomePage() {
  const { me, error, reload, redirecting } = useConsoleAccess();
  const isAdmin = me?.staff?.role === 'admin';
  const directory = useStaffDirectory(isAdmin);

  if (redirecting) return <Page wide />;

  return (
    <Page wide>
      <ConsoleHeader staff={me?.staff ?? null} onLeave={leaveConsole} />
      {!me ? (
        error ? (
          <Card>
            <Notice tone='error'>{describeError(error)}</Notice>
            <ActionButton variant='secondary' onClick={reload}>
              重试
            </ActionButton>
          </Card>
        ) : (
          <Loading />
        )
      ) : !me.staff ? (
        <Card>
          <ResultPanel tone='warning' title='仅团队成员可使用控制台' description='请先通过管理员发出的邀请绑定团队账号。' />
        </Card>
      ) : (
        <ConsoleLayout
          main={
            <>
              <ConsoleWelcome me={me} />
              <ConsoleNav role={me.staff.role} />
              {isAdmin && <StaffTable items={directory.items} error={directory.error} />}
            </>
          }
          side={isAdmin ? <InviteCreator onCreated={directory.reload} /> : undefined}
        />
      )}
    </Page>
  );
}
