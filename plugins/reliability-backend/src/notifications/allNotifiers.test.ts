import { allNotifiers } from './allNotifiers';

describe('allNotifiers', () => {
  const signal = new AbortController().signal;

  it('adds up what each notifier sent and failed', async () => {
    const both = allNotifiers([
      { notify: async () => ({ sent: 2, failed: 1 }) },
      { notify: async () => ({ sent: 3, failed: 0 }) },
    ]);
    expect(await both.notify(signal)).toEqual({ sent: 5, failed: 1 });
  });

  it('runs the others when one fails, then throws its error', async () => {
    const ran: string[] = [];
    const both = allNotifiers([
      {
        notify: async () => {
          ran.push('slo');
          throw new Error('status store unavailable');
        },
      },
      {
        notify: async () => {
          ran.push('reminders');
          return { sent: 1, failed: 0 };
        },
      },
    ]);
    await expect(both.notify(signal)).rejects.toThrow(
      'status store unavailable',
    );
    expect(ran).toEqual(['slo', 'reminders']);
  });

  it('starts no notifier after an abort', async () => {
    const controller = new AbortController();
    controller.abort();
    const ran: string[] = [];
    const one = allNotifiers([
      {
        notify: async () => {
          ran.push('slo');
          return { sent: 1, failed: 0 };
        },
      },
    ]);
    expect(await one.notify(controller.signal)).toEqual({ sent: 0, failed: 0 });
    expect(ran).toEqual([]);
  });
});
