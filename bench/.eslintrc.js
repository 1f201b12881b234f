const { createConfigForRole } = require('@backstage/cli/config/eslint-factory');

// bench is a workspace package without a Backstage role (it is never built or published): it is
// linted with the rules of a Node.js command-line package, which is what its scripts are.
module.exports = createConfigForRole(__dirname, 'cli', {
  rules: {
    // The benchmarks measure the backend plugin's stores, projector and sync directly, which the
    // plugin rightly does not export: they import them from its source.
    '@backstage/no-forbidden-package-imports': 'off',
  },
});
