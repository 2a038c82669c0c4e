/**
 * Three tiers (STYLE.md): unit specs beside the code, server specs on MariaDB over real HTTP,
 * browser flows in Chromium. NestJS 12 ships ES modules only; on Node 20 Jest needs them
 * compiled to CommonJS, so @nestjs is transformed with babel (including `import.meta.url`).
 */
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/server/tsconfig.json' }],
  '^.+\\.js$': [
    'babel-jest',
    { babelrc: false, configFile: false, plugins: ['babel-plugin-transform-import-meta', '@babel/plugin-transform-dynamic-import', '@babel/plugin-transform-modules-commonjs'] },
  ],
};
const common = {
  rootDir: __dirname,
  transform,
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/)'],
  moduleNameMapper: { '^@leadloop/shared$': '<rootDir>/shared/src' },
  testEnvironment: 'node',
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/shared/src/**/*.spec.ts', '<rootDir>/server/src/**/*.spec.ts', '<rootDir>/miniapp/src/**/*.spec.ts'] },
    // per-project default timeouts are set in a setup file: Jest ignores `testTimeout` inside a project
    { ...common, displayName: 'server', testMatch: ['<rootDir>/server/test/**/*.spec.ts'], setupFilesAfterEnv: ['<rootDir>/server/test/support/timeout.ts'] },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/e2e/**/*.spec.ts'], setupFilesAfterEnv: ['<rootDir>/e2e/support/timeout.ts'] },
  ],
};
