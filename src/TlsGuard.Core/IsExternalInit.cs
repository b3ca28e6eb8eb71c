#if !NET5_0_OR_GREATER
namespace System.Runtime.CompilerServices
{
    // netstandard2.0 lacks this marker type; the compiler needs it for init-only setters (.NET 5+ has it).
    internal static class IsExternalInit
    {
    }
}
#endif
