import { CardVisitorsView } from '@/modules/card/components/CardVisitorsView';
import { SignInGate } from '@/modules/identity/components/SignInGate';
import { useSession } from '@/modules/identity/hooks/useSession';
import { Card, ResultPanel, SubPage } from '@/ui';

export default function CardVisitorsPage() {
  const session = useSession();
  return (
    <SubPage up='mine'>
      <SignInGate title='登录后查看访客' description='登录已绑定团队账号的微信，查看谁看过你的名片。'>
        {session?.staff ? (
          <CardVisitorsView />
        ) : (
          <Card>
            <ResultPanel tone='warning' title='仅团队成员可查看' description='请先通过管理员发出的邀请绑定团队账号。' />
          </Card>
        )}
      </SignInGate>
    </SubPage>
  );
}
