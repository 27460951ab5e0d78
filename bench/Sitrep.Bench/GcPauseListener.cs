using System.Diagnostics.Tracing;

/// <summary>
/// Sums the runtime's stop-the-world pauses by the generation collected (from its GC events), so a benchmark can say
/// which collections cost the time: gen0/gen1 pauses grow with what survives a collection (documents in flight),
/// gen2 pauses with the whole live heap (gazetteer, lexicons, the run's events).
/// </summary>
internal sealed class GcPauseListener : EventListener
{
    private readonly object _gate = new();
    private readonly double[] _pause = new double[3];
    private readonly int[] _count = new int[3];
    private DateTime _suspended;
    private int _depth;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, EventLevel.Informational, (EventKeywords)0x1); // GC keyword
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        lock (_gate)
        {
            switch (e.EventName)
            {
                case "GCSuspendEEBegin_V1": _suspended = e.TimeStamp; _depth = -1; break;
                case "GCStart_V2" when e.Payload is { Count: > 1 } && e.PayloadNames!.IndexOf("Depth") is var i and >= 0:
                    _depth = Math.Clamp(Convert.ToInt32(e.Payload[i]), 0, 2); break;
                case "GCRestartEEEnd_V1" when _suspended != default && _depth >= 0:
                    _pause[_depth] += (e.TimeStamp - _suspended).TotalSeconds;
                    _count[_depth]++;
                    _suspended = default;
                    break;
            }
        }
    }

    /// <summary>"gen0 n x s, gen1 ..., gen2 ..." since the listener started.</summary>
    public string Summary()
    {
        lock (_gate)
            return string.Join(", ", Enumerable.Range(0, 3).Select(g => $"gen{g} {_count[g]} x {_pause[g]:0.00} s"));
    }
}
