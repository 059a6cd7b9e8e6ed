using Microsoft.Extensions.Time.Testing;

namespace Bookiji.Actions.Tests;

/// <summary>Moves a fake clock on while a call that waits on it runs, so a test never sleeps for a back-off or a Retry-After.</summary>
internal static class ClockDriver
{
    /// <summary>Awaits <paramref name="call"/>, advancing <paramref name="clock"/> by 100 ms per real millisecond until it completes.</summary>
    public static async Task<T> DriveAsync<T>(FakeTimeProvider clock, Task<T> call)
    {
        for (var step = 0; !call.IsCompleted && step < 100_000; step++)
        {
            await Task.Delay(1);
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        return await call;
    }
}
