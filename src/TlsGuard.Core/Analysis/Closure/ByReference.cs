using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// Identity as the key of a memo: records compare by value, which for a scan result walks every list it holds.
    /// (netstandard2.0 has no ReferenceEqualityComparer.)
    /// </summary>
    internal sealed class ByReference<T> : IEqualityComparer<T>
        where T : class
    {
        public static ByReference<T> Comparer { get; } = new ByReference<T>();

        public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

        public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
