import { Text } from '@tarojs/components';

/** A link to read and copy by hand: boxed, selectable, wrapping anywhere. */
export function LinkText({ link, className = '' }: { link: string; className?: string }) {
  return (
    <Text className={`ll-link-text ${className}`} selectable>
      {link}
    </Text>
  );
}
