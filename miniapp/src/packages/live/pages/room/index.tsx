import { useRouter } from '@tarojs/taro';
import { LiveRoomView } from '@/modules/live/components/LiveRoomView';
import { SubPage } from '@/ui';

export default function LiveRoomPage() {
  const { params } = useRouter();
  return (
    <SubPage>
      <LiveRoomView id={params.id ?? ''} />
    </SubPage>
  );
}
