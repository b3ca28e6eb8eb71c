using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// The answers of a function without side effects, kept for one analysis and safe to ask from several threads
    /// (answers are looked up without a lock). An answer is computed outside any lock, so computing it may ask other
    /// memos; two threads may both compute one, and the first stored is the one both get.
    /// </summary>
    internal sealed class Memo<TKey, TValue>
        where TKey : notnull
    {
        private readonly ConcurrentDictionary<TKey, TValue> _answers;

        public Memo(IEqualityComparer<TKey>? comparer = null)
        {
            _answers = comparer == null ? new ConcurrentDictionary<TKey, TValue>() : new ConcurrentDictionary<TKey, TValue>(comparer);
        }

        /// <summary>The answer for <paramref name="key"/>; <paramref name="compute"/> gets <paramref name="state"/> so that it need capture nothing.</summary>
        public TValue Get<TState>(TKey key, TState state, Func<TKey, TState, TValue> compute) =>
            _answers.TryGetValue(key, out var known) ? known : _answers.GetOrAdd(key, compute(key, state));
    }
}
