import { render } from '@testing-library/react';
import { BreakableText } from './BreakableText';

describe('BreakableText', () => {
  it('lets references and paths wrap after their slashes and colons', () => {
    const { container } = render(
      <BreakableText text="Owned by group:default/payments (slo/a.yaml:3)" />,
    );
    expect(container.innerHTML).toBe(
      'Owned by group:<wbr>default/<wbr>payments (slo/<wbr>a.yaml:<wbr>3)',
    );
    expect(container.textContent).toBe(
      'Owned by group:default/payments (slo/a.yaml:3)',
    );
  });

  it('breaks a link only after its scheme and slashes', () => {
    const { container } = render(
      <BreakableText text="2 SLO(s) defined, see https://x.example" />,
    );
    expect(container.innerHTML).toBe(
      '2 SLO(s) defined, see https://<wbr>x.example',
    );
  });
});
