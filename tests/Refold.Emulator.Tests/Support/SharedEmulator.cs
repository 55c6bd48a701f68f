using Microsoft.Extensions.Time.Testing;

namespace Refold.Emulator.Tests.Support;

/// <summary>
/// One emulator for a whole test class (an xunit class fixture: <c>IClassFixture&lt;SharedEmulator&gt;</c>), with a
/// fresh demo org per test from <see cref="FreshOrgAsync"/>: the same seeded ids, its own data, so tests stay isolated
/// without starting an emulator each. The clock is shared by the class and never advanced by it: a test that moves the
/// clock, or needs faults, rate limits, a data file or other options, starts its own with <see cref="EmulatorFixture.StartAsync"/>.
/// </summary>
public sealed class SharedEmulator : IAsyncLifetime
{
    private int _orgs;
    private EmulatorFixture _first = null!;

    public async Task InitializeAsync() => _first = await EmulatorFixture.StartAsync();

    /// <summary>A fixture acting as a new org seeded with the demo data, on the class's emulator.</summary>
    internal Task<EmulatorFixture> FreshOrgAsync()
    {
        var key = $"tk_org{Interlocked.Increment(ref _orgs)}_{Guid.NewGuid():N}";
        var orgId = _first.Emulator.AddDemoOrg(key);
        return Task.FromResult(EmulatorFixture.ForOrg(_first.Emulator, _first.Clock, key, orgId));
    }

    public async Task DisposeAsync() => await _first.DisposeAsync();
}
