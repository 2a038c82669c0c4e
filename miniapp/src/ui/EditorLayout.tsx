import { Text, View } from '@tarojs/components';
import type { PropsWithChildren, ReactNode } from 'react';
import './EditorLayout.scss';

interface EditorLayoutProps {
  /** A class on the layout as well (the feature's own block). */
  className?: string;
  /** Above the preview, e.g. 手机预览. */
  previewTitle: string;
  preview: ReactNode;
  /** `phone`: room for a phone frame 390 CSS px wide. */
  previewSize?: 'card' | 'phone';
}

/**
 * A console editor (the form, `children`) beside a preview of what prospects will see, which stays
 * in view while the form scrolls; one column on a narrow screen.
 */
export function EditorLayout({ className = '', previewTitle, preview, previewSize = 'card', children }: PropsWithChildren<EditorLayoutProps>) {
  return (
    <View className={`ll-editor ${className}`}>
      <View className='ll-editor__main'>{children}</View>
      <View className={`ll-editor__aside ll-editor__aside--${previewSize}`}>
        <Text className='ll-editor__aside-title'>{previewTitle}</Text>
        {preview}
      </View>
    </View>
  );
}
