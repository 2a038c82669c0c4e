import { SignInGate } from '@/modules/identity/components/SignInGate';
import { useSession } from '@/modules/identity/hooks/useSession';
import { MyLeadsView } from '@/modules/leads/components/MyLeadsView';
import { Card, ResultPanel, SubPage } from '@/ui';

export default function MyLeadsPage() {
  const session = useSession();
  return (
    <SubPage up='mine'>
      <SignInGate title='登录后查看线索' description='登录已绑定团队账号的微信，查看你负责的客户线索。'>
        {session?.staff ? (
          <MyLeadsView />
        ) : (
          <Card>
            <ResultPanel tone='warning' title='仅团队成员可查看' description='请先通过管理员发出的邀请绑定团队账号。' />
          </Card>
        )}
      </SignInGate>
    </SubPage>
  );
}
