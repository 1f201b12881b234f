import { ReactNode } from 'react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { TestApiProvider, mockApis } from '@backstage/test-utils';
import { SWRConfig } from 'swr';

/**
 * Renders `children` with a permission API that allows everything but the permissions named in
 * `deny`, and records the questions asked. Each render starts with an empty permission cache, so
 * that one test's answers never leak into the next.
 */
export function withPermissions(
  children: ReactNode,
  deny: ReadonlyArray<string> = [],
) {
  const asked: Array<{ permission: string; resourceRef?: string }> = [];
  const permissionApi = mockApis.permission({
    authorize: request => {
      asked.push({
        permission: request.permission.name,
        resourceRef: (request as { resourceRef?: string }).resourceRef,
      });
      return deny.includes(request.permission.name)
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW;
    },
  });
  const element = (
    <TestApiProvider apis={[[permissionApiRef, permissionApi]]}>
      <SWRConfig value={{ provider: () => new Map() }}>{children}</SWRConfig>
    </TestApiProvider>
  );
  return { element, asked };
}
