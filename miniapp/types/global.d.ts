/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

/** Build-time constant: the server the weapp build talks to (see config/index.ts). */
declare const LEADLOOP_API_BASE: string;

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony' | 'jdrn';
  }
}
