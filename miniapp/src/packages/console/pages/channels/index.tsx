import { ChannelCreator } from '@/modules/channels/components/ChannelCreator';
import { ChannelTable } from '@/modules/channels/components/ChannelTable';
import { useChannelPages } from '@/modules/channels/hooks/useChannels';
import { ConsoleFrame } from '@/modules/console/components/ConsoleFrame';
import { ConsoleLayout } from '@/modules/console/components/ConsoleLayout';

function Channels() {
  const list = useChannelPages();
  return <ConsoleLayout main={<ChannelTable list={list} />} side={<ChannelCreator onCreated={list.reload} />} />;
}

export default function ChannelsPage() {
  return (
    <ConsoleFrame title='渠道管理' subtitle='展会、公众号菜单、广告……每个来源一个渠道码'>
      {() => <Channels />}
    </ConsoleFrame>
  );
}
