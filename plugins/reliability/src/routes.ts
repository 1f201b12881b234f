import { createRouteRef } from '@backstage/core-plugin-api';

/** The org-wide reliability scorecard page (legacy frontend system). */
export const scorecardRouteRef = createRouteRef({ id: 'reliability' });
