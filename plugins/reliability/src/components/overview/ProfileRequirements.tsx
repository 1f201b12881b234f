import { StatusOK } from '@backstage/core-components';
import { ReliabilityProfile } from '@reliability-suite/plugin-reliability-common';
import { MissingItems } from '../MissingItems';

/**
 * What the tier requires of the reliability profile (owner, on-call, SLOs, runbooks…) that is
 * missing, or that it is all there: said of the profile, so that it reads apart from the launch
 * checklist's count next to it.
 */
export function ProfileRequirements({
  profile,
}: {
  profile: ReliabilityProfile;
}) {
  const { tier } = profile;
  const slosPending = profile.pending && tier?.requirements.includes('slos');
  if (tier && profile.missing.length === 0 && !slosPending) {
    return (
      <StatusOK>
        Everything {tier.name} requires of the profile is in place
      </StatusOK>
    );
  }
  return <MissingItems profile={profile} />;
}
