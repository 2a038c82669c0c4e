import { useRouter } from '@tarojs/taro';
import { SignInGate } from '@/modules/identity/components/SignInGate';
import { useSession } from '@/modules/identity/hooks/useSession';
import { ConsoleLoginConfirm } from '@/modules/staff/components/ConsoleLoginConfirm';
import { secretFromParams } from '@/modules/staff/services/staff-links';
import { Card, ResultPanel, SubPage } from '@/ui';

export default function ScanConfirmPage() {
  const { params } = useRouter();
  const ticket = secretFromParams({ scene: params.scene });
  const session = useSession();
  return (
    <SubPage up='mine'>
      {ticket ? (
        <SignInGate title='登录后确认' description='请先登录已绑定团队账号的微信，再确认电脑端登录。'>
          <ConsoleLoginConfirm ticket={ticket} staff={session?.staff ?? null} />
        </SignInGate>
      ) : (
        <Card>
          <ResultPanel tone='error' title='二维码无效' description='请在电脑上刷新二维码后重新扫码。' />
        </Card>
      )}
    </SubPage>
  );
}
