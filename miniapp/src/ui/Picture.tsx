import { Image, type ImageProps } from '@tarojs/components';
import { imageProps } from '@/core/platform/a11y';

interface PictureProps extends Pick<ImageProps, 'className' | 'src' | 'mode' | 'showMenuByLongpress' | 'style'> {
  /** What the picture shows, for people who cannot see it ('' only for pure decoration). */
  alt: string;
}

/** An image with its text alternative (the browser's alt, WeChat's aria-label): use it instead of Image. */
export function Picture({ alt, ...rest }: PictureProps) {
  return <Image {...rest} {...imageProps(alt)} />;
}
