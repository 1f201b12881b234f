import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { ItemStateStatus } from './ItemStateStatus';

describe('ItemStateStatus', () => {
  it.each([
    ['passing', true, 'Passing', 'Status ok'],
    ['waived', true, 'Waived', 'Status warning'],
    ['pending', true, 'Pending', 'Status pending'],
    ['failing', true, 'Failing', 'Status error'],
    ['failing', false, 'Not done (optional)', 'Status aborted'],
    ['passing', false, 'Passing', 'Status ok'],
  ] as const)(
    'shows a %s item (required: %s) as %s',
    async (state, required, text, statusLabel) => {
      await renderInTestApp(
        <ItemStateStatus state={state} required={required} />,
      );
      const status = screen.getByLabelText(statusLabel);
      expect(status).toHaveTextContent(text);
    },
  );
});
