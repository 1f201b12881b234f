// bench is a workspace package without a Backstage role (it is never built or published): it is
// linted with the rules of a Node.js command-line package, which is what its scripts are.
module.exports = require('@backstage/cli/config/eslint-factory').createConfigForRole(
  __dirname,
  'cli',
);
