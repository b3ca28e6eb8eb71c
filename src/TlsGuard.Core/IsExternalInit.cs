namespace System.Runtime.CompilerServices
{
    // netstandard2.0 lacks this marker type; the compiler needs it for init-only setters. It stays in the net10.0
    // build too (where the base library has one): an init-only setter's signature names the marker's assembly, and
    // code compiled against the netstandard2.0 Core (the task) also runs with the net10.0 Core (in the test projects).
    internal static class IsExternalInit
    {
    }
}
