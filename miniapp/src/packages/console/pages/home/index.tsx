import { BrandSetupNotice } from '@/modules/brand/components/BrandSetupNotice';
import { ConsoleGate } from '@/modules/console/components/ConsoleGate';
import { ConsoleHeader } from '@/modules/console/components/ConsoleHeader';
import { ConsoleLayout } from '@/modules/console/components/ConsoleLayout';
import { ConsoleNav } from '@/modules/console/components/ConsoleNav';
import { ConsoleWelcome } from '@/modules/console/components/ConsoleWelcome';
import { InviteCreator } from '@/modules/console/components/InviteCreator';
import { PendingInvites } from '@/modules/console/components/PendingInvites';
import { StaffTable } from '@/modules/console/components/StaffTable';
import { useConsoleAccess } from '@/modules/console/hooks/useConsoleAccess';
import { usePendingInvites } from '@/modules/console/hooks/usePendingInvites';
import { useStaffDirectory } from '@/modules/console/hooks/useStaffDirectory';
import { leaveConsole } from '@/modules/console/services/console-auth.service';
import { Page } from '@/ui';

export default function ConsoleHomePage() {
  const { me, error, reload, redirecting } = useConsoleAccess();
  const isAdmin = me?.staff?.role === 'admin';
  const directory = useStaffDirectory(isAdmin);
  const invites = usePendingInvites(isAdmin);
  const reloadTeam = () => {
    directory.reload();
    invites.reload();
  };

  if (redirecting) return <Page wide />;

  return (
    <Page wide>
      <ConsoleHeader staff={me?.staff ?? null} onLeave={leaveConsole} />
      <ConsoleGate me={me} error={error} onRetry={reload}>
        {(me, staff) => (
          <ConsoleLayout
            main={
              <>
                <ConsoleWelcome me={me} />
                {isAdmin && <BrandSetupNotice />}
                <ConsoleNav role={staff.role} />
                {isAdmin && <StaffTable list={directory} />}
                {isAdmin && <PendingInvites list={invites} onRevoke={invites.revoke} />}
              </>
            }
            side={isAdmin ? <InviteCreator onCreated={reloadTeam} /> : undefined}
          />
        )}
      </ConsoleGate>
    </Page>
  );
}
