import { Button, type ButtonProps } from '@tarojs/components';
import type { PropsWithChildren } from 'react';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

interface ActionButtonProps extends Omit<ButtonProps, 'type' | 'size'> {
  variant?: Variant;
  small?: boolean;
  block?: boolean;
}

/** The app's button; openType and its events pass straight through to WeChat's button. */
export function ActionButton({ variant = 'primary', small = false, block = true, className = '', disabled, loading, children, ...rest }: PropsWithChildren<ActionButtonProps>) {
  const classes = ['ll-button', `ll-button--${variant}`, small ? 'll-button--small' : '', block ? 'll-button--block' : '', disabled ? 'll-button--disabled' : '', className];
  return (
    // Flags are left out when false: the browser build would otherwise render disabled="false".
    <Button className={classes.filter(Boolean).join(' ')} hoverClass='ll-button--hover' disabled={disabled || undefined} loading={loading || undefined} {...rest}>
      {children}
    </Button>
  );
}
