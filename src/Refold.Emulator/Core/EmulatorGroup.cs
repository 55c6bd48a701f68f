using Microsoft.Extensions.DependencyInjection;
using Refold.Emulator.Seed;

namespace Refold.Emulator.Core;

/// <summary>
/// The emulated behaviour of one resource group: one subclass per file in <c>Groups/</c>, registered by one line in
/// <see cref="Groups.EmulatorGroups.All"/>.
/// </summary>
public abstract class EmulatorGroup
{
    /// <summary>Binds each of the group's catalog operations to its handler with <see cref="EmulatorRoutes.Map"/>.</summary>
    public abstract void Map(EmulatorRoutes routes);

    /// <summary>Registers services the group needs (e.g. a background engine as an <c>IHostedService</c>). Default: none.</summary>
    public virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Adds the group's demo data to the seeded org (called once, on a first start, in registration order). Default: none.</summary>
    public virtual void Seed(DemoSeed seed)
    {
    }
}
