using Sitrep.Actors;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Places;
using Sitrep.Quantities;

namespace Sitrep.Tests.Export;

/// <summary>Hand-built documents with events and claims, for export and storage tests.</summary>
internal static class SampleDocuments
{
    public const string RusafaText =
        "ISIS attacks army posts near Rusafa\n" +
        "Yesterday night, ISIS fighters attacked Syrian army positions in the vicinity of Rusafa, killing at least 12 soldiers, a field source said.\n" +
        "قال مصدر ميداني إن الاشتباكات استمرت حتى الفجر.";

    public static Document Rusafa(string id = "000_rusafa.txt", string hash = "hash-1", string notes = "Attack on army posts near Rusafa, \"at least\" 12 killed")
    {
        var text = RusafaText;
        var bodyStart = text.IndexOf("Yesterday", StringComparison.Ordinal);
        var bodyEnd = text.IndexOf('\n', bodyStart);
        var arabicStart = bodyEnd + 1;
        var rusafa = text.IndexOf("Rusafa", bodyStart, StringComparison.Ordinal);
        var isis = text.IndexOf("ISIS fighters", StringComparison.Ordinal);
        var killed = text.IndexOf("killing at least 12 soldiers", StringComparison.Ordinal);

        var ev = new ConflictEvent
        {
            DocumentId = id,
            Id = id + "#E1",
            Evidence = [new TextSpan(bodyStart, bodyEnd)],
            EventType = "Battles",
            SubEventType = "Armed clash",
            Actor1 = "Islamic State",
            Actor2 = "Military Forces of Syria",
            AssocActor1 = ["Wilayat al-Sham", "Jund al-Khilafa"],
            Actor1Mentions = ["ISIS fighters"],
            Location = new EventLocation("Rusafa", "the vicinity of Rusafa", "Ar-Raqqa", "Syria", 35.8383, 38.7457, 2)
            {
                GazetteerId = "feature:rusafa",
                Span = new TextSpan(rusafa, rusafa + 6),
            },
            Date = new EventDate("Yesterday night", "2023-10-04", "day", "publication"),
            Fatalities = new Fatalities(12, 12, null, "at least 12 soldiers", "soldiers") { Span = new TextSpan(killed, killed + 28) },
            Attribution = new EventAttribution("a field source", SourceKinds.Anonymous),
            Notes = notes,
        };
        var unlocated = ev with
        {
            Id = id + "#E2",
            EventType = "Strategic developments",
            SubEventType = "Other",
            Location = null,
            Date = new EventDate(null, "2023-10", "month", null),
            Fatalities = Fatalities.None,
            Notes = null,
            AssocActor1 = [],
        };
        var claim = new Claim
        {
            DocumentId = id,
            Id = id + "#C1",
            Evidence = [new TextSpan(arabicStart, text.Length)],
            Text = "الاشتباكات استمرت حتى الفجر",
            Claimant = "مصدر ميداني",
            SourceKind = SourceKinds.Anonymous,
        };
        return new Document
        {
            Id = id,
            Text = text,
            ContentHash = hash,
            Title = "ISIS attacks army posts near Rusafa",
            TitleSpan = new TextSpan(0, bodyStart - 1),
            Outlet = "South Front",
            Url = "https://example.org/rusafa",
            Published = new DateOnly(2023, 10, 5),
            Body = [new TextSpan(bodyStart, bodyEnd), new TextSpan(arabicStart, text.Length)],
            Boilerplate = [new TextSpan(0, bodyStart - 1)],
            Mentions =
            [
                new ActorMention(new TextSpan(isis, isis + 13), "Islamic State", "rebel_group", null),
                new PlaceMention(new TextSpan(rusafa, rusafa + 6), new TextSpan(rusafa - 17, rusafa + 6), "Rusafa", "feature:rusafa",
                    "Syria", "Ar-Raqqa", null, 35.8383, 38.7457, "settlement", 2),
                new QuantityMention(new TextSpan(killed, killed + 28), QuantityKind.Killed, 12, 12, null, "soldiers", false),
            ],
            Events = [ev, unlocated],
            Claims = [claim],
        };
    }
}
