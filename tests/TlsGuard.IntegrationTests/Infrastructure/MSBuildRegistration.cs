using System.Runtime.CompilerServices;
using Microsoft.Build.Locator;

namespace TlsGuard.IntegrationTests.Infrastructure
{
    internal static class MSBuildRegistration
    {
        /// <summary>Before any Microsoft.Build type is touched: the SDK's MSBuild, not the reference assemblies, must load.</summary>
        [ModuleInitializer]
        internal static void Register()
        {
            if (!MSBuildLocator.IsRegistered)
            {
                MSBuildLocator.RegisterDefaults();
            }
        }
    }
}
