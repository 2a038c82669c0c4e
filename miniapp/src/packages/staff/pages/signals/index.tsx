import { SignInGate } from '@/modules/identity/components/SignInGate';
import { useSession } from '@/modules/identity/hooks/useSession';
import { SignalInboxView } from '@/modules/signals/components/SignalInboxView';
import { Card, ResultPanel, SubPage } from '@/ui';

export default function SignalInboxPage() {
  const session = useSession();
  return (
    <SubPage up='mine'>
      <SignInGate title='登录后查看销售动态' description='登录已绑定团队账号的微信，查看你的客户有哪些新动态。'>
        {session?.staff ? (
          <SignalInboxView />
        ) : (
          <Card>
            <ResultPanel tone='warning' title='仅团队成员可查看' description='请先通过管理员发出的邀请绑定团队账号。' />
          </Card>
        )}
      </SignInGate>
    </SubPage>
  );
}
