import { compactOnCall } from './onCallLabel';

describe('compactOnCall', () => {
  it.each([
    ['PagerDuty service PGRP001', 'PGRP001'],
    ['Opsgenie team payments-oncall', 'payments-oncall'],
    ['Opsgenie search', 'search'],
    ['PagerDuty (integration key set)', 'PagerDuty'],
    ['https://chat.example.com/#search-oncall', '#search-oncall'],
    ['https://wiki.example.com/teams/identity/on-call', 'on-call'],
    ['https://oncall.example.com', 'oncall.example.com'],
    ['search-oncall@example.com', 'search-oncall'],
    [
      'Slack #search, then call +1 555 0100',
      'Slack #search, then call +1 555 0100',
    ],
    ['https://bad host/x', 'https://bad host/x'],
    [
      'https://chat.example.com/%E2%9C%93%ZZ',
      'https://chat.example.com/%E2%9C%93%ZZ',
    ],
  ])('shortens "%s" to "%s"', (label, short) => {
    expect(compactOnCall(label)).toBe(short);
  });
});
