import { ActionButton, confirmAction } from '@/ui';
import { signOut } from '../services/identity.service';

export function SignOutButton() {
  const confirmSignOut = async () => {
    const confirmed = await confirmAction({ title: '退出登录', content: '退出后需要重新登录才能查看你的资料，确定退出吗？', confirmText: '退出', destructive: true });
    if (confirmed) signOut('app');
  };
  return (
    <ActionButton variant='danger' onClick={() => void confirmSignOut()}>
      退出登录
    </ActionButton>
  );
}
