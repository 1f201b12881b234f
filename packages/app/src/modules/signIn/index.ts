import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/** Replaces the app's guest-only sign-in page with the demo's two people. */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: {
        loader: async () =>
          import('./DemoSignInPage').then(m => m.DemoSignInPage),
      },
    }),
  ],
});
