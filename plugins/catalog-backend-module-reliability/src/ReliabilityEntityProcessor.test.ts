import { Entity } from '@backstage/catalog-model';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { mockServices } from '@backstage/backend-test-utils';
import { readEntityDefinitions } from '@reliability-suite/plugin-reliability-node';
import { ReliabilityEntityProcessor } from './ReliabilityEntityProcessor';

jest.mock('@reliability-suite/plugin-reliability-node', () => ({
  readEntityDefinitions: jest.fn(),
}));

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'svc',
    annotations: { 'reliability-suite.io/slo-files': 'slo/*.yaml' },
  },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
};

describe('ReliabilityEntityProcessor', () => {
  it('keeps the entity, with a problem and no server path, if reading ever throws', async () => {
    jest
      .mocked(readEntityDefinitions)
      .mockRejectedValue(new Error("EACCES: open '/srv/secret/x.yaml'"));
    const processor = new ReliabilityEntityProcessor({
      urlReader: mockServices.urlReader.mock(),
      integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
      blockInvalidEntities: false,
    });
    const emit = jest.fn();
    const result = (await processor.postProcessEntity(
      entity,
      { type: 'file', target: '/srv/repo/catalog-info.yaml' },
      emit,
    )) as AlphaEntity;
    expect(emit).not.toHaveBeenCalled();
    expect(result.metadata.name).toBe('svc');
    expect(result.status?.items?.map(item => item.error?.message)).toEqual([
      'catalog-info.yaml: the reliability definitions could not be read',
    ]);
  });
});
