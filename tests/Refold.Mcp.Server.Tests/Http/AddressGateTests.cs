using System.Net;
using Microsoft.Extensions.Time.Testing;
using Refold.Mcp.Server.Http;

namespace Refold.Mcp.Server.Tests.Http;

/// <summary>
/// The refused-credential budgets per client place: an IPv6 /64 or one IPv4 address, bounded in number, and never
/// reset by pushing other places through.
/// </summary>
public sealed class AddressGateTests
{
    private readonly FakeTimeProvider _time = new();

    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:ffff:1:2:3", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7", true)]
    [InlineData("203.0.113.7", "203.0.113.8", false)]
    public void PlaceOf_TwoAddresses_SamePlaceOnlyInsideOneSlash64OrOneIPv4(string a, string b, bool same)
    {
        Assert.Equal(same, AddressGate.PlaceOf(IPAddress.Parse(a)) == AddressGate.PlaceOf(IPAddress.Parse(b)));
    }

    [Fact]
    public void Refused_FlooderRotatingInsideItsSlash64_SpendsOneBudget()
    {
        var settings = new HttpSessionOptions();
        var gate = new AddressGate(settings, _time);

        for (var i = 1; i <= settings.RefusalsPerAddress; i++)
        {
            gate.Refused(AddressGate.PlaceOf(IPAddress.Parse($"2001:db8:1:2::{i:x}")));
        }

        Assert.True(gate.RetryAfter(AddressGate.PlaceOf(IPAddress.Parse("2001:db8:1:2:abcd::9"))) > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, gate.RetryAfter(AddressGate.PlaceOf(IPAddress.Parse("2001:db8:1:3::1"))));
    }

    [Fact]
    public void Refused_ManyOtherPlacesPushedThrough_FlooderBudgetStaysSpentAndCountBounded()
    {
        var settings = new HttpSessionOptions { MaxCachedCredentials = 10 };
        var gate = new AddressGate(settings, _time);
        const string flooder = "198.51.100.1";
        for (var i = 0; i < settings.RefusalsPerAddress; i++)
        {
            gate.Refused(flooder);
        }

        // A thousand other places come and go (each presents one credential Refold accepts): the remembered places
        // stay bounded, and the flooder's spent budget is not forgotten to make room for them.
        for (var i = 0; i < 1_000; i++)
        {
            Assert.Equal(TimeSpan.Zero, gate.RetryAfter($"203.0.{i / 256}.{i % 256}"));
        }

        Assert.InRange(gate.Count, 1, settings.MaxCachedCredentials + 1);
        Assert.True(gate.RetryAfter(flooder) > TimeSpan.Zero);

        // Refilled with time, it is as good as new and may be forgotten.
        _time.Advance(settings.RefusalRefill * settings.RefusalsPerAddress);
        Assert.Equal(TimeSpan.Zero, gate.RetryAfter(flooder));
    }
}
