import { useId } from 'react';
import Button, { ButtonProps } from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';

/**
 * A button the viewer may not always use: with a `disabledReason` it is disabled and says why, in
 * a tooltip and as its accessible description; without one it is an ordinary button.
 */
export function GuardedButton({
  disabledReason,
  children,
  ...props
}: ButtonProps & { disabledReason?: string }) {
  const descriptionId = useId();
  if (!disabledReason) return <Button {...props}>{children}</Button>;
  return (
    <Tooltip title={disabledReason}>
      <span>
        <Button {...props} disabled aria-describedby={descriptionId}>
          {children}
        </Button>
        <span id={descriptionId} hidden>
          {disabledReason}
        </span>
      </span>
    </Tooltip>
  );
}
