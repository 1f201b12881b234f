import { ReactNode } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { ReliabilityProfile } from '@reliability-suite/plugin-reliability-common';
import { useReliabilityProfile } from './useReliabilityProfile';

/** Loads the profile and shows progress or the error the way Backstage pages do. */
export function ProfileLoader({
  children,
}: {
  children: (profile: ReliabilityProfile) => ReactNode;
}) {
  const { value, loading, error } = useReliabilityProfile();
  if (loading) return <Progress />;
  if (error)
    return (
      <ResponseErrorPanel
        error={error}
        title="Could not load the reliability profile"
      />
    );
  if (!value) return null;
  return <>{children(value)}</>;
}
