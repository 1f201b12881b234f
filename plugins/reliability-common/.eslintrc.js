module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  testRules: {
    // Tests feed `javascript:` links to the link checks as data (hostile input that must be
    // refused); nothing evaluates them.
    'no-script-url': 'off',
  },
});
