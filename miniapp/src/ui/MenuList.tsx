import { Text, View } from '@tarojs/components';
import { controlProps, hiddenProps } from '@/core/platform/a11y';
import './MenuList.scss';

export interface MenuEntry {
  key: string;
  title: string;
  description?: string;
  /** A count to draw attention to (unread signals); hidden when 0. */
  badge?: number;
  onClick(): void;
}

/** Rows that each open a page: title, a muted line, an optional badge, an arrow. */
export function MenuList({ entries, block }: { entries: readonly MenuEntry[]; block?: string }) {
  return (
    <View className={`ll-menu ${block ?? ''}`}>
      {entries.map((entry) => (
        <View
          key={entry.key}
          className={`ll-menu__item ${block ? `${block}__item` : ''}`}
          onClick={entry.onClick}
          {...controlProps({ role: 'link', onActivate: entry.onClick })}
        >
          <View className='ll-menu__text'>
            <Text className='ll-menu__title'>{entry.title}</Text>
            {entry.description && <Text className='ll-menu__description'>{entry.description}</Text>}
          </View>
          {!!entry.badge && entry.badge > 0 && <Text className='ll-menu__badge'>{entry.badge > 99 ? '99+' : entry.badge}</Text>}
          <Text className='ll-menu__arrow' {...hiddenProps()}>
            ›
          </Text>
        </View>
      ))}
    </View>
  );
}
