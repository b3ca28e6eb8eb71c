using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using TlsGuard.Analyzers.Matching;

namespace TlsGuard.Analyzers.CallSites
{
    /// <summary>[DllImport("x")] and [LibraryImport("x")] on a method or local function.</summary>
    internal static class InteropAttributeSites
    {
        public static IEnumerable<NativeCallSite> Find(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var dllImport = method.GetDllImportData();
            foreach (var attribute in method.GetAttributes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                string? name = null;
                if (WellKnownTypes.IsDllImportAttribute(attribute.AttributeClass))
                {
                    // The compiler's decoded module name; it equals the constant argument of this attribute.
                    name = dllImport?.ModuleName;
                }
                else if (WellKnownTypes.IsLibraryImportAttribute(attribute.AttributeClass))
                {
                    name = FirstStringArgument(attribute);
                }

                var location = LocationOf(attribute);
                if (!string.IsNullOrEmpty(name) && location != null)
                {
                    yield return new NativeCallSite(name!, location, NameResolution.RuntimeProbing);
                }
            }
        }

        private static string? FirstStringArgument(AttributeData attribute) =>
            attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Primitive
                ? attribute.ConstructorArguments[0].Value as string
                : null;

        private static Location? LocationOf(AttributeData attribute)
        {
            var reference = attribute.ApplicationSyntaxReference;
            return reference == null ? null : Location.Create(reference.SyntaxTree, reference.Span);
        }
    }
}
