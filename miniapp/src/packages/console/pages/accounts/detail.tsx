import { Access } from '@leadloop/shared';
import { useRouter } from '@tarojs/taro';
import { AccountDetailView } from '@/modules/accounts/components/AccountDetailView';
import { useAccount } from '@/modules/accounts/hooks/useAccounts';
import { ConsoleFrame } from '@/modules/console/components/ConsoleFrame';
import { describeError } from '@/core/api/api-error';
import { ActionButton, Card, Loading, Notice } from '@/ui';

function Account({ id }: { id: string | undefined }) {
  const { data, error, reload, setData } = useAccount(id);
  if (!id) return <Notice tone='error'>缺少客户信息，请从客户列表进入。</Notice>;
  if (error && !data)
    return (
      <Card>
        <Notice tone='error'>{describeError(error)}</Notice>
        <ActionButton variant='secondary' small block={false} onClick={reload}>
          重试
        </ActionButton>
      </Card>
    );
  if (!data) return <Loading />;
  return <AccountDetailView account={data} onChanged={setData} />;
}

export default function ConsoleAccountPage() {
  const { params } = useRouter();
  // the account's owner may open it too (the server decides per account)
  return (
    <ConsoleFrame title='客户详情' subtitle='客户资料、联系人及其采购角色' roles={Access.accountPage}>
      {() => <Account id={params.id} />}
    </ConsoleFrame>
  );
}
