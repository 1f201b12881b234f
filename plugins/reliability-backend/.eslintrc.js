module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  testRules: {
    // Tests feed `javascript:` links to the profile and the API as data (hostile input that must
    // be refused); nothing evaluates them.
    'no-script-url': 'off',
  },
  overrides: [
    {
      // src/testing holds the tests' harnesses and fixtures (test backends, the hostile corpus,
      // promtool): only tests import it, never the plugin, so its imports are devDependencies,
      // which the rule accepts only under __testUtils__. `javascript:` links there are data.
      files: ['src/testing/**'],
      rules: {
        '@backstage/no-undeclared-imports': 'off',
        'no-script-url': 'off',
      },
    },
  ],
});
