using System.Collections.Generic;

namespace TlsGuard.Core.Elf
{
    /// <summary>The first <see cref="Limit"/> items added, and how many were added in all: a list a hostile file cannot grow.</summary>
    internal sealed class Capped<T>
    {
        private static readonly IReadOnlyList<T> None = new T[0];

        // Created on the first add: most lists of most scans stay empty.
        private List<T>? items;

        public Capped(int limit)
        {
            Limit = limit;
        }

        public int Limit { get; }

        public IReadOnlyList<T> Items => (IReadOnlyList<T>?)items ?? None;

        /// <summary>Every item added, kept or not; saturates at int.MaxValue.</summary>
        public int Total { get; private set; }

        public bool IsFull => items != null && items.Count >= Limit;

        public void Add(T item)
        {
            if (Total < int.MaxValue)
            {
                Total++;
            }

            items ??= new List<T>();
            if (items.Count < Limit)
            {
                items.Add(item);
            }
        }

        /// <summary>Counts an item that would not be kept without producing it (its name need not be read).</summary>
        public void CountOnly()
        {
            if (Total < int.MaxValue)
            {
                Total++;
            }
        }

        public T[] ToArray() => items == null ? (T[])None : items.ToArray();
    }
}
