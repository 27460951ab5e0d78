using Sitrep.Pipeline;

namespace Sitrep.Tests.Pipeline;

public class OrderedParallelTests
{
    [Fact]
    public void Results_come_back_in_input_order_whatever_each_item_takes()
    {
        var random = new Random(7);
        var delays = Enumerable.Range(0, 200).Select(_ => random.Next(0, 3)).ToArray();
        var results = OrderedParallel.Map(Enumerable.Range(0, 200), i => { Thread.Sleep(delays[i]); return i * 2; }, workers: 4, window: 16).ToList();
        Assert.Equal(Enumerable.Range(0, 200).Select(i => i * 2), results);
    }

    [Fact]
    public void No_more_than_a_window_of_items_is_read_ahead_of_the_consumer()
    {
        var read = 0;
        var maxAhead = 0;
        var consumed = 0;
        IEnumerable<int> Source()
        {
            for (var i = 0; i < 300; i++)
            {
                var ahead = Interlocked.Increment(ref read) - Volatile.Read(ref consumed);
                InterlockedMax(ref maxAhead, ahead);
                yield return i;
            }
        }
        foreach (var _ in OrderedParallel.Map(Source(), i => i, workers: 3, window: 10))
        {
            Thread.Sleep(1); // a slow consumer, as the store writer is
            Interlocked.Increment(ref consumed);
        }
        Assert.Equal(300, consumed);
        Assert.InRange(maxAhead, 1, 11);
    }

    [Fact]
    public void A_failing_item_surfaces_to_the_consumer_after_the_items_before_it()
    {
        var seen = new List<int>();
        var error = Assert.Throws<AggregateException>(() =>
        {
            foreach (var r in OrderedParallel.Map(Enumerable.Range(0, 50), i => i == 20 ? throw new InvalidOperationException("item 20") : i, 2, 8))
                seen.Add(r);
        });
        Assert.Equal("item 20", error.InnerException!.Message);
        Assert.Equal(Enumerable.Range(0, 20), seen);
    }

    [Fact]
    public void A_failing_source_surfaces_to_the_consumer()
    {
        static IEnumerable<int> Broken()
        {
            yield return 1;
            throw new IOException("disk gone");
        }
        var error = Assert.Throws<AggregateException>(() => OrderedParallel.Map(Broken(), i => i, 2, 4).ToList());
        Assert.IsType<IOException>(error.InnerException);
    }

    [Fact]
    public void An_empty_source_gives_nothing_and_stopping_early_ends_the_workers()
    {
        Assert.Empty(OrderedParallel.Map(Array.Empty<int>(), i => i, 2, 4));
        Assert.Equal([0, 1, 2], OrderedParallel.Map(Enumerable.Range(0, 1_000_000), i => i, 2, 8).Take(3));
    }

    [Fact]
    public void Cancellation_stops_the_run()
    {
        using var cts = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var i in OrderedParallel.Map(Enumerable.Range(0, 1_000_000), i => i, 2, 8, cts.Token))
                if (i == 5) cts.Cancel();
        });
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }
}
