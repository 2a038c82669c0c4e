import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState, type PropsWithChildren } from 'react';
import { platform } from '@/core/platform';
import { headingProps, hiddenProps, landmarkProps } from '@/core/platform/a11y';
import { Routes } from '@/core/routes';
import { Page } from './Page';
import { Tappable } from './Tappable';
import './SubPage.scss';

interface SubPageProps {
  /** The bar's title when it differs from the page's configured one (e.g. which policy is shown). */
  title?: string;
  /** Where the arrow leads when the page was opened straight from a link: the home tab, or 我的 (staff and personal pages). */
  up?: 'home' | 'mine';
  className?: string;
}

/** The title the page's `index.config.ts` gives it (Taro keeps the config on the page being loaded). */
function configuredTitle(): string {
  const page = Taro.getCurrentInstance().page as { config?: { navigationBarTitleText?: string } } | null | undefined;
  return page?.config?.navigationBarTitleText ?? '';
}

/**
 * A page past the tab pages. In WeChat its title and back arrow are WeChat's own bar; a browser
 * has none, so there the page draws one: its title (the page's heading) and an arrow back, or to
 * the tab page above it when it was opened straight from a link.
 */
export function SubPage({ title, up = 'home', className, children }: PropsWithChildren<SubPageProps>) {
  const [configured] = useState(configuredTitle);
  const [opened] = useState(() => Taro.getCurrentPages().length > 1);
  const shown = title ?? configured;
  const back = up === 'mine' ? Routes.mine : Routes.home;
  return (
    <>
      {platform.drawsOwnTitleBar && (
        <View className='ll-title-bar' {...landmarkProps('banner')}>
          <Tappable className='ll-title-bar__back' role='link' label={opened ? '返回' : up === 'mine' ? '返回我的' : '返回首页'} onTap={() => platform.goBack(back)}>
            <Text className='ll-title-bar__arrow' {...hiddenProps()}>
              ‹
            </Text>
          </Tappable>
          <Text className='ll-title-bar__title' {...headingProps(1)}>
            {shown}
          </Text>
        </View>
      )}
      <Page className={className}>{children}</Page>
    </>
  );
}
