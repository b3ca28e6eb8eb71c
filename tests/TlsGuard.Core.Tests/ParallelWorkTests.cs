using System.Collections.Concurrent;

namespace TlsGuard.Core.Tests
{
    /// <summary>The read-ahead's and the judging's thread pool: every item once, and a failure surfaces as itself.</summary>
    public sealed class ParallelWorkTests
    {
        [Theory]
        [InlineData(1)]
        [InlineData(4)]
        public void Every_item_runs_exactly_once(int threads)
        {
            var seen = new ConcurrentBag<int>();

            ParallelWork.For(1000, threads, seen.Add);

            Assert.Equal(Enumerable.Range(0, 1000), seen.OrderBy(i => i));
        }

        [Fact]
        public void One_thread_runs_the_items_in_order_on_the_caller()
        {
            var order = new List<(int, int)>();

            ParallelWork.For(5, 1, i => order.Add((i, Environment.CurrentManagedThreadId)));

            Assert.Equal(new[] { 0, 1, 2, 3, 4 }, order.Select(o => o.Item1));
            Assert.All(order, o => Assert.Equal(Environment.CurrentManagedThreadId, o.Item2));
        }

        [Theory]
        [InlineData(1)]
        [InlineData(4)]
        public void A_failing_item_is_rethrown_as_itself_after_every_thread_stopped(int threads)
        {
            var running = 0;
            var failure = Assert.Throws<InvalidOperationException>(() => ParallelWork.For(1000, threads, i =>
            {
                Interlocked.Increment(ref running);
                try
                {
                    if (i == 10)
                    {
                        throw new InvalidOperationException("item 10");
                    }

                    Thread.SpinWait(100);
                }
                finally
                {
                    Interlocked.Decrement(ref running);
                }
            }));

            Assert.Equal("item 10", failure.Message);
            Assert.Equal(0, Volatile.Read(ref running));
        }
    }
}
