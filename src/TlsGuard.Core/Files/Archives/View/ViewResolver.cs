using System.Collections.Generic;
using System.Text;

namespace TlsGuard.Core.Files.Archives.View
{
    /// <summary>Path resolution inside a view, with symbolic links confined to it.</summary>
    internal static class ViewResolver
    {
        /// <summary>
        /// Walks <paramref name="inner"/> from the root, following symbolic links in every component and, when
        /// <paramref name="followLast"/>, in the last; more than <paramref name="maxHops"/> links is a loop (ELOOP).
        /// ".." is applied to the folder actually reached, as the kernel does.
        /// </summary>
        public static ViewLookup Resolve(DirectoryNode root, string inner, bool followLast, int maxHops)
        {
            var pending = new Stack<string>();
            Push(pending, inner);
            var folders = new List<DirectoryNode> { root };
            var names = new List<string>();
            int hops = 0;
            while (pending.Count > 0)
            {
                var name = pending.Pop();
                if (name == "..")
                {
                    if (names.Count > 0)
                    {
                        folders.RemoveAt(folders.Count - 1);
                        names.RemoveAt(names.Count - 1);
                    }

                    continue;
                }

                if (!folders[folders.Count - 1].Children.TryGetValue(name, out var child))
                {
                    return ViewLookup.Missing;
                }

                bool last = pending.Count == 0;
                if (child is SymlinkNode link && (!last || followLast))
                {
                    if (++hops > maxHops)
                    {
                        return ViewLookup.Failed("too many levels of symbolic links (more than " + maxHops + ") resolving " + inner);
                    }

                    if (link.Target.StartsWith("/", System.StringComparison.Ordinal))
                    {
                        folders.RemoveRange(1, folders.Count - 1);
                        names.Clear();
                    }

                    Push(pending, link.Target);
                    continue;
                }

                if (last)
                {
                    return ViewLookup.Found(child, Join(names, name));
                }

                if (child is DirectoryNode folder)
                {
                    folders.Add(folder);
                    names.Add(name);
                    continue;
                }

                return ViewLookup.Missing;
            }

            return ViewLookup.Found(folders[folders.Count - 1], Join(names, null));
        }

        private static void Push(Stack<string> pending, string path)
        {
            var parts = path.Split('/');
            for (int i = parts.Length - 1; i >= 0; i--)
            {
                if (parts[i].Length > 0 && parts[i] != ".")
                {
                    pending.Push(parts[i]);
                }
            }
        }

        private static string Join(List<string> names, string? last)
        {
            var text = new StringBuilder();
            foreach (var name in names)
            {
                text.Append('/').Append(name);
            }

            if (last != null)
            {
                text.Append('/').Append(last);
            }

            return text.Length == 0 ? "/" : text.ToString();
        }
    }
}
