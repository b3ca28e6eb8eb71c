using System;
using System.Collections.Generic;
using System.Threading;
using TlsGuard.Core.Files;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// Scans each file once per analysis (the on-disk cache across builds is Caching.ScanCache); a scan source that throws
    /// is turned into an unreadable result. A file reached by a second path (a symbolic link; /lib and /usr/lib on a
    /// merged-/usr system, where ld.so.conf names the one and the inputs the other) is recognised by its identity
    /// (device, inode, change time, size and modification time, where the file system gives them) and not read again.
    /// </summary>
    internal sealed class ScanMemo
    {
        private readonly IScanSource _source;
        private readonly IFileSystem _fileSystem;
        private readonly Dictionary<string, IReadOnlyList<ElfScanResult>> _results = new Dictionary<string, IReadOnlyList<ElfScanResult>>(StringComparer.Ordinal);
        private readonly Dictionary<(FileIdentity, long, long), IReadOnlyList<ElfScanResult>> _byIdentity = new Dictionary<(FileIdentity, long, long), IReadOnlyList<ElfScanResult>>();
        private readonly object _gate = new object();

        public ScanMemo(IScanSource source, IFileSystem fileSystem)
        {
            _source = source;
            _fileSystem = fileSystem;
        }

        /// <summary>The results of <paramref name="path"/>; safe from several threads (a file is read outside the lock, and the first results stored stand).</summary>
        public IReadOnlyList<ElfScanResult> Scan(string path)
        {
            lock (_gate)
            {
                if (_results.TryGetValue(path, out var cached))
                {
                    return cached;
                }
            }

            var status = _fileSystem.Status(path);
            bool readBefore;
            lock (_gate)
            {
                readBefore = Known(status) && _byIdentity.ContainsKey(Identity(status));
            }

            var read = readBefore ? null : ScanOnce(path);
            lock (_gate)
            {
                return _results.TryGetValue(path, out var first) ? first : Remember(path, status, read);
            }
        }

        /// <summary>
        /// Reads files ahead on up to <paramref name="threads"/> threads: <paramref name="first"/>, largest first, and every
        /// file <paramref name="next"/> names for one read (a read file's dependencies), as soon as it is read. A file
        /// reached under a second path (a soname link to an input) is read once. Then each path is recorded as
        /// <see cref="Scan"/> records it, so the memo holds what reading them one by one gives. <paramref name="next"/> is
        /// called from any of the threads.
        /// </summary>
        public void ReadAhead<T>(IReadOnlyList<(string Path, T Tag)> first, int threads, Func<IReadOnlyList<ElfScanResult>, T, IReadOnlyList<(string Path, T Tag)>> next)
        {
            if (threads <= 1)
            {
                return;
            }

            var queue = new List<(string Path, T Tag, FileStatus Status)>(first.Count * 2);
            var queued = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (path, tag) in first)
            {
                if (!_results.ContainsKey(path) && queued.Add(path))
                {
                    queue.Add((path, tag, _fileSystem.Status(path)));
                }
            }

            // Largest first: a large library left for last would keep one thread busy while the others wait.
            queue.Sort((a, b) => b.Status.Length.CompareTo(a.Status.Length));
            var identities = new HashSet<(FileIdentity, long, long)>(_byIdentity.Keys);
            var read = new Dictionary<string, IReadOnlyList<ElfScanResult>>(StringComparer.Ordinal);
            var gate = new object();
            var taken = 0;
            var busy = 0;
            var workers = Math.Max(1, Math.Min(threads, queue.Count));
            ParallelWork.For(workers, workers, _ =>
            {
                while (true)
                {
                    (string Path, T Tag, FileStatus Status) item;
                    lock (gate)
                    {
                        while (taken == queue.Count && busy > 0)
                        {
                            Monitor.Wait(gate);
                        }

                        if (taken == queue.Count)
                        {
                            Monitor.PulseAll(gate);
                            return;
                        }

                        item = queue[taken++];
                        if (Known(item.Status) && !identities.Add(Identity(item.Status)))
                        {
                            continue;
                        }

                        busy++;
                    }

                    IReadOnlyList<ElfScanResult>? results = null;
                    IReadOnlyList<(string Path, T Tag)> more = new (string, T)[0];
                    try
                    {
                        results = ScanOnce(item.Path);
                        more = next(results, item.Tag);
                    }
                    catch (Exception e) when (!(e is OutOfMemoryException))
                    {
                        // Only a hint: names that could not be looked up here are looked up by the closures, in order.
                    }
                    finally
                    {
                        lock (gate)
                        {
                            if (results != null)
                            {
                                read[item.Path] = results;
                            }

                            foreach (var (path, tag) in more)
                            {
                                if (!_results.ContainsKey(path) && queued.Add(path))
                                {
                                    queue.Add((path, tag, _fileSystem.Status(path)));
                                }
                            }

                            busy--;
                            Monitor.PulseAll(gate);
                        }
                    }
                }
            });

            // Files read first, then the second names of files already read: those take the first one's results.
            lock (_gate)
            {
                foreach (var (path, _, status) in queue)
                {
                    if (read.TryGetValue(path, out var results))
                    {
                        Remember(path, status, results);
                    }
                }

                foreach (var (path, _, status) in queue)
                {
                    if (!read.ContainsKey(path))
                    {
                        Remember(path, status, null);
                    }
                }
            }
        }

        /// <summary>Records a path's results: those of the same file read under another path first, else <paramref name="read"/>.</summary>
        private IReadOnlyList<ElfScanResult> Remember(string path, FileStatus status, IReadOnlyList<ElfScanResult>? read)
        {
            var known = Known(status);
            IReadOnlyList<ElfScanResult> results;
            if (known && _byIdentity.TryGetValue(Identity(status), out var same))
            {
                results = At(same, path);
            }
            else
            {
                results = read ?? ScanOnce(path);
                if (known && AllRead(results))
                {
                    _byIdentity[Identity(status)] = results;
                }
            }

            _results[path] = results;
            return results;
        }

        private static bool Known(FileStatus status) => status.Kind == FileKind.RegularFile && status.Identity.IsKnown;

        private static (FileIdentity, long, long) Identity(FileStatus status) => (status.Identity, status.Length, status.LastWriteTimeUtcTicks);

        private IReadOnlyList<ElfScanResult> ScanOnce(string path)
        {
            try
            {
                return _source.Scan(path) ?? new ElfScanResult[0];
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                return new[] { new ElfScanResult { Path = path, Error = e.GetType().Name + ": " + e.Message } };
            }
        }

        /// <summary>Only results that read cleanly are shared: an error may have been the path's, not the file's.</summary>
        private static bool AllRead(IReadOnlyList<ElfScanResult> results)
        {
            foreach (var result in results)
            {
                if (result.Error != null)
                {
                    return false;
                }
            }

            return results.Count > 0;
        }

        private static IReadOnlyList<ElfScanResult> At(IReadOnlyList<ElfScanResult> results, string path)
        {
            var moved = new ElfScanResult[results.Count];
            for (var i = 0; i < moved.Length; i++)
            {
                moved[i] = results[i].At(path);
            }

            return moved;
        }
    }
}
