using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Pipeline;

namespace Sitrep.Bench;

/// <summary>
/// Attacker and target role accuracy on RAMS 1.0 Conflict.Attack documents (a benchmark, not a threshold).
/// Matching, per RAMS trigger:
///  1. the event: among the pipeline's events, one whose trigger span overlaps the RAMS trigger; else one whose
///     evidence overlaps the trigger; else one whose evidence overlaps the trigger's sentence (nearest trigger
///     wins each tier). No event = not covered, and both roles count as wrong.
///  2. a role: RAMS "attacker" is compared with our actor1 side, "target" with our actor2 side. Each of our
///     actorN_mentions surfaces is located in the text (ordinal search; occurrences inside the event's
///     evidence first, anywhere in the document only when none is there). The role is correct when any
///     located occurrence overlaps (shares at least one character with) any RAMS argument span of that role.
///  Roles without a RAMS argument are not scored. "swapped" counts a RAMS argument found on our other side.
/// </summary>
internal static class RamsBenchmark
{
    private sealed record RamsSpan([property: JsonPropertyName("start")] int Start, [property: JsonPropertyName("end")] int End,
        [property: JsonPropertyName("type")] string? Type, [property: JsonPropertyName("text")] string Text);

    private sealed record RamsArgument([property: JsonPropertyName("role")] string Role, [property: JsonPropertyName("start")] int Start,
        [property: JsonPropertyName("end")] int End, [property: JsonPropertyName("text")] string Text);

    private sealed record RamsItem(
        [property: JsonPropertyName("doc")] string Doc,
        [property: JsonPropertyName("split")] string Split,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("sentences")] int[][] Sentences,
        [property: JsonPropertyName("trigger")] RamsSpan Trigger,
        [property: JsonPropertyName("args")] RamsArgument[] Args);

    private sealed class RoleTally
    {
        public int Annotated, Correct, CorrectCovered, Covered, Empty, Swapped;

        public string Row(string role) =>
            $"| {role} | {Annotated} | {Correct} | {Pct(Correct, Annotated)} | {Covered} | {Pct(CorrectCovered, Covered)} | {Empty} | {Swapped} |";
    }

    public static int Run(string[] args)
    {
        var path = BenchPaths.ArgumentAfter(args, "--rams") ?? BenchPaths.FindUp(Path.Combine("bench", "data", "rams", "attack.jsonl"));
        if (path is null || !File.Exists(path)) { Console.Error.WriteLine("RAMS data not found (bench/data/rams/attack.jsonl)"); return 2; }
        var verbose = args.Contains("--verbose");
        var items = File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<RamsItem>(l)!).ToList();
        var pipeline = SitrepDefaults.Create();

        var tiers = new Dictionary<string, int> { ["trigger"] = 0, ["evidence"] = 0, ["sentence"] = 0, ["none"] = 0 };
        var attacker = new RoleTally();
        var target = new RoleTally();
        var docsWithEvents = 0;
        foreach (var item in items)
        {
            var document = pipeline.Run(new RawDocument(item.Doc, "rams", DocumentFormat.TextBody, item.Text));
            if (document.Events.Length > 0) docsWithEvents++;
            var (ev, tier) = FindEvent(item, document.Events);
            tiers[tier]++;
            var a = Score(item, ev, "attacker", ev?.Actor1Mentions ?? [], ev?.Actor2Mentions ?? [], attacker);
            var t = Score(item, ev, "target", ev?.Actor2Mentions ?? [], ev?.Actor1Mentions ?? [], target);
            if (verbose)
                Console.WriteLine($"{item.Doc[..Math.Min(24, item.Doc.Length)]} [{item.Trigger.Text}] {tier} {ev?.SubEventType} " +
                    $"attacker {Gold(item, "attacker")} vs {string.Join("/", ev?.Actor1Mentions ?? [])} {a}; " +
                    $"target {Gold(item, "target")} vs {string.Join("/", ev?.Actor2Mentions ?? [])} {t}");
        }

        var covered = items.Count - tiers["none"];
        Console.WriteLine($"RAMS 1.0 Conflict.Attack: {items.Count} triggers (dev {items.Count(i => i.Split == "dev")}, test {items.Count(i => i.Split == "test")}), from {path}");
        Console.WriteLine($"documents with any event: {docsWithEvents}/{items.Count}");
        Console.WriteLine($"coverage (a RAMS trigger got an event): {covered}/{items.Count} = {Pct(covered, items.Count)} " +
            $"(by trigger overlap {tiers["trigger"]}, evidence overlap {tiers["evidence"]}, same sentence {tiers["sentence"]})");
        Console.WriteLine();
        Console.WriteLine("| role | annotated | correct | accuracy (all) | covered | accuracy (covered) | our side empty | swapped |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(attacker.Row("attacker (actor1)"));
        Console.WriteLine(target.Row("target (actor2)"));
        return 0;
    }

    private static string Pct(int n, int d) => d == 0 ? "-" : $"{100.0 * n / d:0.0}%";

    private static string Gold(RamsItem item, string role) =>
        string.Join("/", item.Args.Where(a => a.Role == role).Select(a => a.Text)) is { Length: > 0 } s ? s : "-";

    private static bool Overlaps(int s1, int e1, int s2, int e2) => s1 < e2 && s2 < e1;

    private static (ConflictEvent? Event, string Tier) FindEvent(RamsItem item, ImmutableArray<ConflictEvent> events)
    {
        var (ts, te) = (item.Trigger.Start, item.Trigger.End);
        int Distance(ConflictEvent e) => e.Trigger is { } t ? Math.Abs(t.Start - ts) : int.MaxValue;

        var byTrigger = events.Where(e => e.Trigger is { } t && Overlaps(t.Start, t.End, ts, te)).OrderBy(Distance).FirstOrDefault();
        if (byTrigger is not null) return (byTrigger, "trigger");
        var byEvidence = events.Where(e => e.Evidence.Any(s => Overlaps(s.Start, s.End, ts, te))).OrderBy(Distance).FirstOrDefault();
        if (byEvidence is not null) return (byEvidence, "evidence");
        var sentence = item.Sentences.FirstOrDefault(s => s[0] <= ts && ts < s[1]);
        if (sentence is not null)
        {
            var bySentence = events.Where(e => e.Evidence.Any(s => Overlaps(s.Start, s.End, sentence[0], sentence[1]))).OrderBy(Distance).FirstOrDefault();
            if (bySentence is not null) return (bySentence, "sentence");
        }
        return (null, "none");
    }

    /// <returns>"ok", "wrong", "empty", "swapped", "uncovered" or "-" (no RAMS argument for the role).</returns>
    private static string Score(RamsItem item, ConflictEvent? ev, string role, ImmutableArray<string> ours, ImmutableArray<string> other, RoleTally tally)
    {
        var gold = item.Args.Where(a => a.Role == role).ToList();
        if (gold.Count == 0) return "-";
        tally.Annotated++;
        if (ev is null) return "uncovered";
        tally.Covered++;
        if (Hits(item.Text, ev, ours, gold))
        {
            tally.Correct++;
            tally.CorrectCovered++;
            return "ok";
        }
        if (Hits(item.Text, ev, other, gold)) { tally.Swapped++; return "swapped"; }
        if (ours.IsEmpty) { tally.Empty++; return "empty"; }
        return "wrong";
    }

    private static bool Hits(string text, ConflictEvent ev, ImmutableArray<string> surfaces, List<RamsArgument> gold)
    {
        foreach (var surface in surfaces)
        {
            if (string.IsNullOrEmpty(surface)) continue;
            var occurrences = new List<int>();
            for (var at = text.IndexOf(surface, StringComparison.Ordinal); at >= 0; at = text.IndexOf(surface, at + 1, StringComparison.Ordinal))
                occurrences.Add(at);
            var inEvidence = occurrences.Where(o => ev.Evidence.Any(s => s.Start <= o && o + surface.Length <= s.End)).ToList();
            var located = inEvidence.Count > 0 ? inEvidence : occurrences;
            if (located.Any(o => gold.Any(g => Overlaps(o, o + surface.Length, g.Start, g.End)))) return true;
        }
        return false;
    }
}
