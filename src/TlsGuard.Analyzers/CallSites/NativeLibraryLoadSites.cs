using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TlsGuard.Analyzers.Matching;

namespace TlsGuard.Analyzers.CallSites
{
    /// <summary>NativeLibrary.Load / TryLoad with a constant library name.</summary>
    internal static class NativeLibraryLoadSites
    {
        public static NativeCallSite? Find(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if ((method.Name != "Load" && method.Name != "TryLoad")
                || !WellKnownTypes.IsNativeLibrary(method.ContainingType)
                || method.Parameters.Length == 0
                || method.Parameters[0].Type.SpecialType != SpecialType.System_String)
            {
                return null;
            }

            var name = ConstantNameArgument(invocation);
            if (string.IsNullOrEmpty(name))
            {
                return null;
            }

            // Load(string) and TryLoad(string, out IntPtr) hand the path to dlopen; the overloads taking the calling
            // assembly probe like DllImport.
            var resolution = method.Parameters.Length > 1 && WellKnownTypes.IsAssembly(method.Parameters[1].Type)
                ? NameResolution.RuntimeProbing
                : NameResolution.OsLoader;
            return new NativeCallSite(name!, invocation.Syntax.GetLocation(), resolution);
        }

        /// <summary>The argument bound to the first parameter, wherever it was written (named arguments may reorder).</summary>
        private static string? ConstantNameArgument(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == 0)
                {
                    var constant = argument.Value.ConstantValue;
                    return constant.HasValue ? constant.Value as string : null;
                }
            }

            return null;
        }
    }
}
