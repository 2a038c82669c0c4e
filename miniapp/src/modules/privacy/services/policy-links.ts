import type { PolicyKind } from '@leadloop/shared';
import Taro from '@tarojs/taro';
import { Routes } from '@/core/routes';

/** Opens the configured policy text inside the app (both builds), from any consent line. */
export function openPolicy(kind: PolicyKind): void {
  void Taro.navigateTo({ url: `${Routes.policy}?kind=${kind}` });
}
