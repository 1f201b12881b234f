import { shortRef, toEntityRefs } from './entityRefs';

describe('toEntityRefs', () => {
  it.each([
    ['payments', 'group', ['group:default/payments']],
    [
      ' Payments , group:ops/SRE ',
      'group',
      ['group:default/payments', 'group:ops/sre'],
    ],
    ['user:default/ana', 'group', ['user:default/ana']],
    ['shop', 'system', ['system:default/shop']],
    ['', 'group', []],
    [' , ', 'domain', []],
  ])('%j as %s refs is %j', (text, kind, refs) => {
    expect(toEntityRefs(text, kind)).toEqual(refs);
  });
});

describe('shortRef', () => {
  it.each([
    ['group:default/payments', 'group', 'payments'],
    ['group:ops/sre', 'group', 'ops/sre'],
    ['user:default/ana', 'group', 'user:ana'],
    ['system:default/shop', 'system', 'shop'],
  ])('%s is shown as %s', (ref, kind, short) => {
    expect(shortRef(ref, kind)).toBe(short);
  });
});
