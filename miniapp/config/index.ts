import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * One config for both targets. Builds land in dist/<TARO_ENV> (dist/weapp, dist/h5); the server
 * serves dist/h5 at `/`, and the repo-root project.config.json points WeChat DevTools at dist/weapp.
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const target = process.env.TARO_ENV ?? 'weapp';
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'leadloop-miniapp',
    date: '2025-11-22',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${target}`,
    // WeChat's accessibility attributes in the weapp template (see a11y-template.js).
    plugins: [path.resolve(__dirname, 'a11y-template.js')],
    defineConstants: {
      // The weapp talks to an absolute server; H5 is served by the server itself and uses
      // same-origin relative URLs (see src/platform).
      LEADLOOP_API_BASE: JSON.stringify(process.env.LEADLOOP_API_BASE || 'http://127.0.0.1:3000'),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      // One zod instance for the app and @leadloop/shared (shared's CommonJS build would otherwise
      // pull zod's CJS copy next to the ESM one).
      zod$: path.resolve(__dirname, '..', '..', 'node_modules', 'zod', 'index.js'),
    },
    // The browser build's default favicon (a company's own logo replaces it where one is configured).
    copy: { patterns: target === 'h5' ? [{ from: 'src/assets/favicon.svg', to: `dist/${target}/favicon.svg` }] : [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      optimizeMainPackage: { enable: true },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        // Phone pages keep phone proportions on a desktop screen: the root font stops growing at 22px.
        pxtransform: { enable: true, config: { maxRootSize: 22 } },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
