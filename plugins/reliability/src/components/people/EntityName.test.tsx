import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { EntityName, EntityNames } from './EntityName';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

describe('EntityName', () => {
  it('links a user to its catalog page under its name', async () => {
    await renderInTestApp(<EntityName entityRef="user:development/guest" />, {
      mountedRoutes,
    });
    expect(
      screen.getByRole('link', { name: 'development/guest' }),
    ).toHaveAttribute('href', '/catalog/development/user/guest');
  });

  it('shows groups without their default kind and namespace', async () => {
    const { container } = await renderInTestApp(
      <EntityNames
        entityRefs={['group:default/sre', 'user:default/ann']}
        defaultKind="group"
      />,
      { mountedRoutes },
    );
    expect(screen.getByRole('link', { name: 'sre' })).toHaveAttribute(
      'href',
      '/catalog/default/group/sre',
    );
    expect(screen.getByRole('link', { name: 'user:ann' })).toHaveAttribute(
      'href',
      '/catalog/default/user/ann',
    );
    expect(container.textContent).toBe('sre, user:ann');
  });

  it('prints a reference without a name as it came', async () => {
    await renderInTestApp(<EntityName entityRef="user:" />, {
      mountedRoutes,
    });
    expect(screen.getByText('user:')).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});
