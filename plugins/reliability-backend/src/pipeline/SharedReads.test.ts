import { SharedReads } from './SharedReads';

describe('SharedReads', () => {
  it('reads definitions and statuses once until cleared, and keeps no failed read', async () => {
    const reads: string[] = [];
    let failNext = false;
    const shared = new SharedReads({
      definitions: {
        all: async () => {
          reads.push('definitions');
          if (failNext) {
            failNext = false;
            throw new Error('database gone');
          }
          return new Map();
        },
      },
      statuses: {
        allWithoutHistory: async () => {
          reads.push('statuses');
          return new Map();
        },
      },
    });
    // The projection and the notifications of one cycle.
    await Promise.all([
      shared.definitions.all(),
      shared.statuses.allWithoutHistory(),
    ]);
    await Promise.all([
      shared.definitions.all(),
      shared.statuses.allWithoutHistory(),
    ]);
    expect(reads).toEqual(['definitions', 'statuses']);

    shared.clear();
    failNext = true;
    await expect(shared.definitions.all()).rejects.toThrow('database gone');
    await shared.definitions.all();
    await shared.statuses.allWithoutHistory();
    expect(reads).toEqual([
      'definitions',
      'statuses',
      'definitions',
      'definitions',
      'statuses',
    ]);
  });
});
