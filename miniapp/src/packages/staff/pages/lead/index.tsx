import { useRouter } from '@tarojs/taro';
import { SignInGate } from '@/modules/identity/components/SignInGate';
import { useSession } from '@/modules/identity/hooks/useSession';
import { LeadDetailView } from '@/modules/leads/components/LeadDetailView';
import { Card, GoneCard, ResultPanel, SubPage } from '@/ui';

export default function LeadDetailPage() {
  const { params } = useRouter();
  const session = useSession();
  const id = params.id ? decodeURIComponent(params.id) : '';
  return (
    <SubPage up='mine'>
      <SignInGate title='登录后查看线索' description='登录已绑定团队账号的微信，查看客户详情。'>
        {!session?.staff ? (
          <Card>
            <ResultPanel tone='warning' title='仅团队成员可查看' description='请先通过管理员发出的邀请绑定团队账号。' />
          </Card>
        ) : id ? (
          <LeadDetailView scope='app' id={id} />
        ) : (
          <GoneCard title='没有找到这条线索' description='链接不完整，请从「我的线索」重新打开。' />
        )}
      </SignInGate>
    </SubPage>
  );
}
