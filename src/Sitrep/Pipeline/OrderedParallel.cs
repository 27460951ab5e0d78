namespace Sitrep.Pipeline;

/// <summary>
/// Maps a sequence on several threads and yields the results in input order, with at most <c>window</c> items read
/// but not yet taken by the consumer. PLINQ's ordered merge lets each worker run thousands of items ahead of a slow
/// consumer (the store writer); those finished documents then sit in memory, are copied by every garbage collection
/// and take the cores the consumer needs. Here a worker that is a window ahead waits.
/// </summary>
public static class OrderedParallel
{
    public static IEnumerable<TOut> Map<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> map, int workers, int window,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, workers);
        return Run(source, map, workers, window, cancellationToken);
    }

    private static IEnumerable<TOut> Run<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> map, int workers, int window,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(window, window);
        var gate = new object();
        var done = new Dictionary<long, (TOut Value, Exception? Error)>();
        long read = 0;
        var sourceEnded = false;
        Exception? sourceError = null;
        using var enumerator = source.GetEnumerator();

        // Workers take the next input under a lock (the source is read by one thread at a time, in order).
        void Work()
        {
            while (!stop.IsCancellationRequested)
            {
                try { slots.Wait(stop.Token); }
                catch (OperationCanceledException) { return; }
                TIn item;
                long index;
                lock (enumerator)
                {
                    if (sourceEnded) { slots.Release(); return; }
                    try
                    {
                        if (!enumerator.MoveNext())
                        {
                            lock (gate) { sourceEnded = true; Monitor.PulseAll(gate); }
                            slots.Release();
                            return;
                        }
                        item = enumerator.Current;
                        index = Interlocked.Increment(ref read) - 1;
                    }
                    catch (Exception ex)
                    {
                        lock (gate) { sourceError = ex; sourceEnded = true; Monitor.PulseAll(gate); }
                        slots.Release();
                        return;
                    }
                }
                (TOut, Exception?) result;
                try { result = (map(item), null); }
                catch (Exception ex) { result = (default!, ex); }
                lock (gate)
                {
                    done[index] = result;
                    Monitor.PulseAll(gate);
                }
            }
        }

        var threads = new Thread[workers];
        for (var i = 0; i < workers; i++)
        {
            threads[i] = new Thread(Work) { IsBackground = true, Name = $"sitrep worker {i + 1}" };
            threads[i].Start();
        }
        try
        {
            for (long next = 0; ; next++)
            {
                (TOut Value, Exception? Error) result;
                lock (gate)
                {
                    while (!done.ContainsKey(next))
                    {
                        if (sourceEnded && next >= Interlocked.Read(ref read))
                        {
                            if (sourceError is not null) throw new AggregateException(sourceError);
                            yield break;
                        }
                        stop.Token.ThrowIfCancellationRequested();
                        Monitor.Wait(gate, 100);
                    }
                    result = done[next];
                    done.Remove(next);
                }
                slots.Release();
                if (result.Error is not null) throw new AggregateException(result.Error);
                yield return result.Value;
            }
        }
        finally
        {
            stop.Cancel();
            foreach (var t in threads) t.Join();
        }
    }
}
