import { fireEvent, render, screen } from '@testing-library/react';
import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import notificationsPlugin from '@backstage/plugin-notifications/alpha';
import reliabilityPlugin from '@reliability-suite/plugin-reliability/alpha';
import { navModule } from './modules/nav';

describe('sidebar', () => {
  it('links to the Reliability scorecard page, which draws its own header', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Test' },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as any,
    };
    // Tests do not discover packages (app.packages: all); the plugin is added as the build adds it.
    const app = createApp({
      features: [
        catalogPlugin,
        notificationsPlugin,
        reliabilityPlugin,
        navModule,
      ],
    });
    // No backend here: the guest sign-in falls back to a local guest once confirmed.
    jest.spyOn(window, 'confirm').mockReturnValue(true);
    render(app.createRoot());
    fireEvent.click(await screen.findByRole('button', { name: 'Enter' }));
    const link = await screen.findByRole('link', { name: 'Reliability' });
    expect(link).toHaveAttribute('href', '/reliability');
    fireEvent.click(link);
    expect(
      // The page is loaded lazily, which takes a while the first time in jest.
      await screen.findByRole(
        'heading',
        { name: 'Reliability scorecard' },
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });
});
