/**
 * The only place that looks at the build target. Taro replaces process.env.TARO_ENV at build
 * time, so the branch for the other target is dropped from each bundle.
 */
export const isWeapp = process.env.TARO_ENV === 'weapp';
export const isH5 = process.env.TARO_ENV === 'h5';

/** H5 is served by the server itself (same origin); the weapp needs the server's absolute base. */
export const apiBase: string = isH5 ? '' : LEADLOOP_API_BASE.replace(/\/+$/, '');
