import { linkUrlProblem, safeLinkUrl } from './links';

describe('safeLinkUrl', () => {
  it.each([
    [
      'https://runbooks.example.com/checkout',
      {},
      'https://runbooks.example.com/checkout',
    ],
    ['http://wiki.local/x', {}, 'http://wiki.local/x'],
    [
      'mailto:oncall@example.com',
      { mailto: true },
      'mailto:oncall@example.com',
    ],
    ['mailto:oncall@example.com', {}, undefined],
    ['javascript:alert(1)', {}, undefined],
    ['JaVaScRiPt:alert(1)', {}, undefined],
    ['java\tscript:alert(1)', {}, undefined],
    [' javascript:alert(1)', {}, undefined],
    ['data:text/html,<script>alert(1)</script>', {}, undefined],
    ['vbscript:msgbox(1)', {}, undefined],
    ['/relative/path', {}, undefined],
    ['not a url', {}, undefined],
    ['', {}, undefined],
    [42, {}, undefined],
    [`https://x.example/${'a'.repeat(3000)}`, {}, undefined],
  ])('%j (%j) → %j', (url, options, expected) => {
    expect(safeLinkUrl(url, options)).toBe(expected);
  });

  it('says why a value is not a link', () => {
    expect(linkUrlProblem('javascript:alert(1)')).toBe(
      'must be an http: or https: link',
    );
    expect(linkUrlProblem('data:x', { mailto: true })).toBe(
      'must be an http:, https: or mailto: link',
    );
    expect(linkUrlProblem('https://ok.example')).toBeUndefined();
  });
});
