using System.Runtime.CompilerServices;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// JsonSchema.Net builds its dialects and meta-schemas in a module initializer, which Native AOT runs before
/// <c>Main</c> in every start (a third of <c>refold-mcp --version</c>), although only a workflow's or an app action's
/// input check needs them. The AOT build stubs that initializer (<c>JsonSchemaStartup.xml</c>, given to the compiler
/// in the csproj) and <see cref="EnsureLoaded"/> runs it on the first check instead. Under the JIT the initializer
/// has already run when the library loaded, and running it again does nothing (it guards itself).
/// </summary>
public static class JsonSchemaLibrary
{
    /// <summary>Call before the first use of JsonSchema.Net; cheap after the first call, safe from any thread.</summary>
    public static void EnsureLoaded() => Loaded.Touch();

    [UnsafeAccessor(UnsafeAccessorKind.StaticMethod, Name = "Initialize")]
    private static extern void Initialize([UnsafeAccessorType("Json.Schema.__ModuleInitialization, JsonSchema.Net")] object? owner);

    // A static constructor runs once, and every other caller waits until it is done (the library's own guard returns
    // at once to a second caller while the first is still building).
    private static class Loaded
    {
        static Loaded() => Initialize(null);

        public static void Touch()
        {
        }
    }
}
