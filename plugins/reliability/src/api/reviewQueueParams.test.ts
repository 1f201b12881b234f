import { parseReviewQueueFilter, reviewQueueParams } from './reviewQueueParams';

describe('review queue parameters', () => {
  it('writes the set filters only, under the names the backend takes', () => {
    expect(
      reviewQueueParams({
        state: 'draft',
        reviewer: 'group:default/sre',
        dueBefore: '2027-01-15',
      }).toString(),
    ).toBe('state=draft&reviewer=group%3Adefault%2Fsre&due_before=2027-01-15');
    expect(reviewQueueParams({}).toString()).toBe('');
  });

  it('reads the filters of a link back', () => {
    expect(
      parseReviewQueueFilter(
        new URLSearchParams(
          'state=in_review&reviewer=group:default/sre&due_before=2027-01-15&tab=reviews',
        ),
      ),
    ).toEqual({
      state: 'in_review',
      reviewer: 'group:default/sre',
      dueBefore: '2027-01-15',
    });
  });

  it('drops values the backend would refuse, so a hand-edited link still opens', () => {
    expect(
      parseReviewQueueFilter(
        new URLSearchParams(
          'state=approved&reviewer=%20&due_before=2027-02-30',
        ),
      ),
    ).toEqual({});
    expect(
      parseReviewQueueFilter(new URLSearchParams('due_before=soon')),
    ).toEqual({});
  });
});
