import { regexLiteral, selectorParts } from './promqlSelector';

describe('selectorParts', () => {
  it.each([
    [
      'http_requests_total{service="svc-7",code!~"5.."}',
      {
        metricName: 'http_requests_total',
        matchers: [
          {
            label: 'service',
            op: '=',
            text: 'service="svc-7"',
            value: 'svc-7',
          },
          { label: 'code', op: '!~', text: 'code!~"5.."', value: '5..' },
        ],
      },
    ],
    [
      ' up{job=\'a\', le=`0.3`, x!="y", z=~"q"} ',
      {
        metricName: 'up',
        matchers: [
          { label: 'job', op: '=', text: "job='a'", value: 'a' },
          { label: 'le', op: '=', text: 'le=`0.3`', value: '0.3' },
          { label: 'x', op: '!=', text: 'x!="y"', value: 'y' },
          { label: 'z', op: '=~', text: 'z=~"q"', value: 'q' },
        ],
      },
    ],
    ['up', { metricName: 'up', matchers: [] }],
    [
      '{__name__="up"}',
      {
        matchers: [
          { label: '__name__', op: '=', text: '__name__="up"', value: 'up' },
        ],
      },
    ],
    // An escape is not interpreted: the value is unknown, the matcher kept as written.
    [
      'up{job="a\\"b"}',
      {
        metricName: 'up',
        matchers: [{ label: 'job', op: '=', text: 'job="a\\"b"' }],
      },
    ],
  ])('takes %s apart', (selector, parts) => {
    expect(selectorParts(selector)).toEqual(parts);
  });

  it.each([
    'sum(up)',
    'up[5m]',
    'up offset 5m',
    'up{job="a"} or down',
    '{"quoted.name"="x"}',
    'up{',
    '',
  ])('refuses %s', selector => {
    expect(selectorParts(selector)).toBeUndefined();
  });
});

describe('regexLiteral', () => {
  it.each([
    ['svc-7', 'svc-7'],
    ['a.b+c', 'a\\.b\\+c'],
    ['(x|y)*?[z]{2}^$\\', '\\(x\\|y\\)\\*\\?\\[z\\]\\{2\\}\\^\\$\\\\'],
    ['', ''],
  ])('writes %s as %s', (value, regex) => {
    expect(regexLiteral(value)).toBe(regex);
    expect(new RegExp(`^(?:${regex})$`).test(value)).toBe(true);
  });
});
