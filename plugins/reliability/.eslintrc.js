module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  testRules: {
    // Tests render `javascript:` links from hostile profiles as data, to check that they are
    // never rendered as links; nothing evaluates them.
    'no-script-url': 'off',
  },
  overrides: [
    {
      // The tests' fixtures (testProfiles.ts, testReadiness.ts, …) hold the same hostile links.
      files: ['src/**/test[A-Z]*.ts'],
      rules: { 'no-script-url': 'off' },
    },
  ],
});
