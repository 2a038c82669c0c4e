import { Button, type ButtonProps } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { controlProps } from '@/core/platform/a11y';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

interface ActionButtonProps extends Omit<ButtonProps, 'type' | 'size'> {
  variant?: Variant;
  small?: boolean;
  block?: boolean;
  /** The name read out when the visible text is not enough (an icon, a bare 「刷新」 among several). */
  label?: string;
}

/** The app's button; openType and its events pass straight through to WeChat's button. */
export function ActionButton({ variant = 'primary', small = false, block = true, className = '', disabled, loading, label, children, ...rest }: PropsWithChildren<ActionButtonProps>) {
  const classes = ['ll-button', `ll-button--${variant}`, small ? 'll-button--small' : '', block ? 'll-button--block' : '', disabled ? 'll-button--disabled' : '', className];
  // The browser build's button is a custom element: it needs a role, a tab stop and Enter/Space.
  const a11y = controlProps({ role: 'button', label, disabled: !!disabled, onActivate: () => rest.onClick?.(undefined as never) });
  return (
    // Flags are left out when false: the browser build would otherwise render disabled="false".
    <Button
      className={classes.filter(Boolean).join(' ')}
      hoverClass='ll-button--hover'
      disabled={disabled || undefined}
      loading={loading || undefined}
      {...a11y}
      {...(loading ? { 'aria-busy': 'true' } : {})}
      {...rest}
    >
      {children}
    </Button>
  );
}
