import Taro from '@tarojs/taro';
import { createStore } from '../store';

/**
 * Browser stand-ins for WeChat's own dialogs (the subscribe-message sheet, the payment sheet). The
 * adapter asks here; a page that may trigger them mounts a host component that renders the open
 * dialog and answers it. Without a host, Taro's modal answers instead, so nothing ever hangs.
 */
export type SandboxDialog =
  | { kind: 'subscribe'; templateCount: number; prompt?: SubscribePrompt }
  | { kind: 'payment'; amountFen: number | null; description: string | null };

/** What the sandbox's subscribe sheet says is asked for (live reminders unless told). */
export interface SubscribePrompt {
  title: string;
  content: string;
}

const LIVE_PROMPT: SubscribePrompt = { title: '允许发送直播提醒？', content: '开播前和回放上线时，通过微信服务通知提醒你（沙箱模拟）' };

export interface OpenSandboxDialog {
  dialog: SandboxDialog;
  answer(accepted: boolean): void;
}

export const sandboxDialogStore = createStore<OpenSandboxDialog | null>(null);

let hosts = 0;

/** A mounted host renders `sandboxDialogStore`; call the returned function on unmount. */
export function registerSandboxDialogHost(): () => void {
  hosts++;
  return () => {
    hosts--;
  };
}

function fallbackModal(dialog: SandboxDialog): Promise<boolean> {
  const modal =
    dialog.kind === 'subscribe'
      ? { ...(dialog.prompt ?? LIVE_PROMPT), confirmText: '允许', cancelText: '拒绝' }
      : { title: '确认支付（沙箱）', content: dialog.amountFen ? `支付 ¥${(dialog.amountFen / 100).toFixed(2)}` : '确认支付这笔订单', confirmText: '确认支付', cancelText: '取消' };
  return Taro.showModal(modal).then((r) => r.confirm, () => false);
}

/** Shows the dialog and resolves with the person's answer. */
export function askInSandbox(dialog: SandboxDialog): Promise<boolean> {
  if (hosts === 0) return fallbackModal(dialog);
  // A dialog still open (a double tap) is answered "no" before the new one replaces it.
  sandboxDialogStore.get()?.answer(false);
  return new Promise<boolean>((resolve) => {
    const open: OpenSandboxDialog = {
      dialog,
      answer(accepted) {
        if (sandboxDialogStore.get() === open) sandboxDialogStore.set(null);
        resolve(accepted);
      },
    };
    sandboxDialogStore.set(open);
  });
}
