import { Fragment } from 'react';

/**
 * Text whose references and paths (`group:default/payments`, `slo/checkout.yaml`) may wrap after
 * a `/` or `:`, as words wrap at spaces, and nowhere else: a narrow column wraps `group:default/`
 * before `payments` instead of widening the table or breaking the name.
 */
export function BreakableText({ text }: { text: string }) {
  const parts = text.split(/(?<=[/:])(?=[^\s/:])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  );
}
