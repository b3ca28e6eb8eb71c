using System;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace TlsGuard.Core
{
    /// <summary>
    /// Runs work items on up to a given number of threads, the calling thread being one of them; each thread takes the
    /// next item as it finishes one, so a few large items do not leave the others idle behind a fixed split. With one
    /// thread the items run in order on the caller. An item that throws stops the others from taking more; once every
    /// thread has stopped, the first failure is rethrown as it was thrown.
    /// </summary>
    internal static class ParallelWork
    {
        public static void For(int count, int threads, Action<int> item)
        {
            var next = -1;
            Exception? failure = null;
            Action work = () =>
            {
                try
                {
                    for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
                    {
                        item(i);
                    }
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, e, null);
                    Interlocked.Exchange(ref next, count);
                }
            };

            var helpers = new Task[Math.Max(0, Math.Min(threads, count) - 1)];
            for (var h = 0; h < helpers.Length; h++)
            {
                helpers[h] = Task.Run(work);
            }

            work();
            Task.WaitAll(helpers);
            if (failure != null)
            {
                ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }
    }
}
