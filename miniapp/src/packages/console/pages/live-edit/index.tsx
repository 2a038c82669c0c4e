import { useRouter } from '@tarojs/taro';
import { ConsoleFrame } from '@/modules/console/components/ConsoleFrame';
import { LiveEventForm } from '@/modules/live/components/LiveEventForm';

export default function ConsoleLiveEditPage() {
  const { params } = useRouter();
  const id = params.id || null;
  return (
    <ConsoleFrame title={id ? '编辑直播' : '新建直播'} subtitle='填写直播信息，保存为草稿或直接发布'>
      {() => <LiveEventForm id={id} />}
    </ConsoleFrame>
  );
}
