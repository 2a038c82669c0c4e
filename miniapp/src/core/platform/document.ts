import { isH5 } from './env';

export interface DocumentBrand {
  /** `#rrggbb`: set as `--brand-colour` and the browser's theme colour. */
  colour: string;
  /** The favicon (an absolute or same-origin URL); null keeps the neutral one. */
  iconUrl: string | null;
}

/**
 * The company's colour and logo on the browser document (H5): a CSS variable on the root, so
 * everything drawn with `var(--brand-colour)` follows it, the theme colour and the favicon. In
 * WeChat the navigation bar and the app icon come from the mini-program's own settings; pages set
 * the variable on their root view instead.
 */
export function applyDocumentBrand(brand: DocumentBrand): void {
  if (!isH5 || typeof document === 'undefined') return;
  document.documentElement.style.setProperty('--brand-colour', brand.colour);
  let theme = document.querySelector<HTMLMetaElement>('meta[name="theme-color"]');
  if (!theme) {
    theme = document.createElement('meta');
    theme.name = 'theme-color';
    document.head.appendChild(theme);
  }
  theme.content = brand.colour;
  if (!brand.iconUrl) return;
  let icon = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (!icon) {
    icon = document.createElement('link');
    icon.rel = 'icon';
    document.head.appendChild(icon);
  }
  icon.href = brand.iconUrl;
}
