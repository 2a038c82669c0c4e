import { BrandSetupNotice } from '@/modules/brand/components/BrandSetupNotice';
import { ConsoleGate } from '@/modules/console/components/ConsoleGate';
import { ConsoleHeader } from '@/modules/console/components/ConsoleHeader';
import { ConsoleLayout } from '@/modules/console/components/ConsoleLayout';
import { ConsoleNav } from '@/modules/console/components/ConsoleNav';
import { ConsoleWelcome } from '@/modules/console/components/ConsoleWelcome';
import { HandoverLog } from '@/modules/console/components/HandoverLog';
import { InviteCreator } from '@/modules/console/components/InviteCreator';
import { PendingInvites } from '@/modules/console/components/PendingInvites';
import { StaffTable } from '@/modules/console/components/StaffTable';
import { useConsoleAccess } from '@/modules/console/hooks/useConsoleAccess';
import { usePendingInvites } from '@/modules/console/hooks/usePendingInvites';
import { useHandoverLog, useStaffDirectory } from '@/modules/console/hooks/useStaffDirectory';
import { leaveConsole } from '@/modules/console/services/console-auth.service';
import { PrivacyPopup } from '@/modules/privacy/components/PrivacyPopup';
import { Page } from '@/ui';

export default function ConsoleHomePage() {
  const { me, error, reload, redirecting } = useConsoleAccess();
  const isAdmin = me?.staff?.role === 'admin';
  const directory = useStaffDirectory(isAdmin);
  const invites = usePendingInvites(isAdmin);
  const handovers = useHandoverLog(isAdmin);
  const reloadTeam = () => {
    directory.reload();
    invites.reload();
  };
  const afterTeamChange = () => {
    directory.reload();
    handovers.reload();
  };

  if (redirecting) return <Page wide />;

  return (
    <Page wide>
      {/* the invite's link is copied (setClipboardData) */}
      <PrivacyPopup />
      <ConsoleHeader staff={me?.staff ?? null} onLeave={leaveConsole} />
      <ConsoleGate me={me} error={error} onRetry={reload}>
        {(me, staff) => (
          <ConsoleLayout
            main={
              <>
                <ConsoleWelcome me={me} team={isAdmin ? directory : undefined} />
                {isAdmin && <BrandSetupNotice />}
                <ConsoleNav role={staff.role} />
                {isAdmin && <StaffTable list={directory} onChanged={afterTeamChange} />}
                {isAdmin && <PendingInvites list={invites} onRevoke={invites.revoke} />}
                {isAdmin && <HandoverLog list={handovers} />}
              </>
            }
            side={isAdmin ? <InviteCreator onCreated={reloadTeam} /> : undefined}
          />
        )}
      </ConsoleGate>
    </Page>
  );
}
