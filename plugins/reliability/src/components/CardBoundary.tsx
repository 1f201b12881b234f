import { Component, ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';

interface CardBoundaryProps {
  /** What the card shows, for the panel: `The reliability profile` → "… could not be shown". */
  what: string;
  children?: ReactNode;
}

/**
 * Contains an error thrown while rendering one card or section: a small error panel takes its
 * place (the error's message, never a stack trace) and the rest of the page still renders.
 */
export class CardBoundary extends Component<
  CardBoundaryProps,
  { failure?: string }
> {
  static getDerivedStateFromError(error: unknown) {
    const message = (error as { message?: unknown } | undefined)?.message;
    return { failure: typeof message === 'string' ? message : String(error) };
  }

  state: { failure?: string } = {};

  render() {
    const { failure } = this.state;
    if (failure === undefined) return this.props.children;
    return (
      <Alert severity="error">
        <AlertTitle>{this.props.what} could not be shown</AlertTitle>
        <Typography variant="body2">{failure}</Typography>
      </Alert>
    );
  }
}
