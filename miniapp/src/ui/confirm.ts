import Taro from '@tarojs/taro';

// The same colours as $danger and $brand in theme.scss (showModal takes a colour, not a class).
const DANGER = '#c9303f';
const BRAND = '#1b57f5';

interface ConfirmOptions {
  title: string;
  content: string;
  confirmText: string;
  cancelText?: string;
  /** Deleting, withdrawing, cancelling, revoking, signing out: the confirm button is red. */
  destructive?: boolean;
}

/** Asks before doing something; answers whether the person confirmed (closing the dialog is a no). */
export async function confirmAction({ title, content, confirmText, cancelText = '取消', destructive = false }: ConfirmOptions): Promise<boolean> {
  const answer = await Taro.showModal({ title, content, confirmText, cancelText, confirmColor: destructive ? DANGER : BRAND }).catch(() => ({ confirm: false }));
  return answer.confirm;
}
