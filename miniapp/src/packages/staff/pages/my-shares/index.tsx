import { useDidShow } from '@tarojs/taro';
import { SignInGate } from '@/modules/identity/components/SignInGate';
import { useSession } from '@/modules/identity/hooks/useSession';
import { MySharesList } from '@/modules/share-chain/components/MySharesList';
import { useMyShares } from '@/modules/share-chain/hooks/useMyShares';
import { Card, ResultPanel, SubPage } from '@/ui';

export default function MySharesPage() {
  const session = useSession();
  const isStaff = !!session?.staff;
  const { items, error, reload } = useMyShares(isStaff);
  useDidShow(() => {
    if (items) reload();
  });
  return (
    <SubPage up='mine'>
      <SignInGate title='登录后查看我的分享' description='登录已绑定团队账号的微信，查看每次分享带来的访客与线索。'>
        {isStaff ? (
          <MySharesList items={items} error={error} onRetry={reload} />
        ) : (
          <Card>
            <ResultPanel tone='warning' title='仅团队成员可查看' description='请先通过管理员发出的邀请绑定团队账号。' />
          </Card>
        )}
      </SignInGate>
    </SubPage>
  );
}
