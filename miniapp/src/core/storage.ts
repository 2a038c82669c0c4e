import Taro from '@tarojs/taro';

/** Typed access to Taro storage (wx storage on weapp, localStorage on H5). */
export function readStored<T>(key: string): T | null {
  try {
    const value = Taro.getStorageSync(key) as T | '' | undefined;
    return value === '' || value === undefined || value === null ? null : value;
  } catch {
    return null;
  }
}

export function writeStored<T>(key: string, value: T | null): void {
  try {
    if (value === null) Taro.removeStorageSync(key);
    else Taro.setStorageSync(key, value);
  } catch {
    // Storage full or unavailable: the value simply lives for this run only.
  }
}
