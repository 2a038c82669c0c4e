import { useRouter } from '@tarojs/taro';
import { PolicyView } from '@/modules/privacy/components/PolicyView';
import { SubPage } from '@/ui';

export default function PolicyPage() {
  const { params } = useRouter();
  const kind = params.kind === 'terms' ? 'terms' : 'privacy';
  return (
    <SubPage up='mine' title={kind === 'terms' ? '用户协议' : '隐私政策'}>
      <PolicyView kind={kind} />
    </SubPage>
  );
}
