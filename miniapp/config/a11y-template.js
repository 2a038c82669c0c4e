/**
 * A build plugin for the weapp target: Taro's mini-program template only passes the attributes it
 * knows to each component, and it does not know WeChat's accessibility attributes. This adds
 * `aria-role` and `aria-label` (read by WeChat's screen reader) to the components the app's shared
 * primitives mark up (see src/core/platform/a11y.ts). The browser build has no template: no-op.
 */
const A11Y_ATTRIBUTES = { 'aria-role': "''", 'aria-label': "''", 'aria-checked': "''", 'aria-disabled': "''", 'aria-hidden': "''" };
const COMPONENTS = ['View', 'Text', 'Image', 'Button', 'Input', 'Textarea'];

module.exports = (ctx) => {
  // Called by the platform once it is set up (Taro's hook for extending a mini-program template).
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      const template = platform && platform.template;
      if (!template || typeof template.mergeComponents !== 'function') return;
      template.mergeComponents(ctx, Object.fromEntries(COMPONENTS.map((name) => [name, A11Y_ATTRIBUTES])));
    },
  });
};
