using Microsoft.Extensions.Time.Testing;

namespace Refold.Emulator.Tests.Support;

/// <summary>
/// One emulator for a whole test class (an xunit class fixture: <c>IClassFixture&lt;SharedEmulator&gt;</c>), with a
/// fresh demo org per test from <see cref="FreshOrgAsync"/>: the same seeded ids, its own data, so tests stay isolated
/// without starting an emulator each. A class's tests run one at a time, so they may move the class's fake clock: each
/// fresh org begins at the first noon UTC at or after the clock's time (<see cref="EmulatorFixture.Start"/> until a test
/// moves it), seeded as of then, and a test's disposed org is removed with its data, so nothing of it runs on when a
/// later test moves the clock. Tests compare times with <see cref="EmulatorFixture.StartedAt"/>, not a fixed date.
/// A test that needs faults, rate limits, a data file or other options starts its own with <see cref="EmulatorFixture.StartAsync"/>.
/// </summary>
public sealed class SharedEmulator : IAsyncLifetime
{
    private int _orgs;
    private EmulatorFixture _first = null!;

    // Unseeded: the emulator's own org would otherwise run its nightly schedule whenever a test moves the clock.
    public async Task InitializeAsync() => _first = await EmulatorFixture.StartAsync(o => o.Seed = false);

    /// <summary>A fixture acting as a new org seeded with the demo data, on the class's emulator.</summary>
    internal Task<EmulatorFixture> FreshOrgAsync()
    {
        AdvanceToNoon(_first.Clock);
        var key = $"tk_org{Interlocked.Increment(ref _orgs)}_{Guid.NewGuid():N}";
        var orgId = _first.Emulator.AddDemoOrg(key);
        return Task.FromResult(EmulatorFixture.ForOrg(_first.Emulator, _first.Clock, key, orgId));
    }

    public async Task DisposeAsync() => await _first.DisposeAsync();

    // Every org sees the same time of day as the first (cron schedules, "12:05"), whatever earlier tests did to the clock.
    private static void AdvanceToNoon(FakeTimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var noon = new DateTimeOffset(now.UtcDateTime.Date.AddHours(12), TimeSpan.Zero);
        clock.Advance((noon < now ? noon.AddDays(1) : noon) - now);
    }
}
