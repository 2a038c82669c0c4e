import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './ConsoleLayout.scss';

/** Two columns on a desktop, one on a phone. */
export function ConsoleLayout({ main, side }: { main: ReactNode; side?: ReactNode }) {
  return (
    <View className={`console-layout ${side ? 'console-layout--split' : ''}`}>
      <View className='console-layout__main'>{main}</View>
      {side && <View className='console-layout__side'>{side}</View>}
    </View>
  );
}
