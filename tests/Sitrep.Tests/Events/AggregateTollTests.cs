using Sitrep.Actors;
using Sitrep.Attribution;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Places;
using Sitrep.Quantities;
using Sitrep.Tests.Attribution;

namespace Sitrep.Tests.Events;

/// <summary>
/// Tolls that cover several events (ACLED: an aggregate is divided evenly among the events it covers,
/// the remainder one each to the first), summaries folded into the events they sum up, and fighting
/// that spreads to a new place. The mentions are given, so these pin the framer's rules alone.
/// </summary>
public class AggregateTollTests
{
    private static readonly EventFramer Framer = new(EventLexicon.LoadDefault());
    private static readonly AttributionTagger Attribution = new(AttributionLexicon.LoadDefault());

    private const string Syria = "Military Forces of Syria";
    private const string IS = "Islamic State";
    private const string Russia = "Military Forces of Russia";
    private const string Sna = "Syrian National Army";

    /// <summary>A text with its mentions given, framed by the shipped framer (places in Aleppo by default).</summary>
    private sealed class Annotated(string text) : AnnotatedText(text, Framer, Attribution, "Aleppo", 36.2, 37.1);

    [Fact]
    public void A_toll_of_strikes_on_several_places_is_split_evenly_with_the_remainder_to_the_first()
    {
        var doc = new Annotated("Russian jets carried out air raids on Uqayribat, Hamadi Umar and Qalib al-Thawr, killing 10 militants.")
            .Actor("Russian jets", Russia, "external_forces")
            .Place("Uqayribat", "Uqayribat").Place("Hamadi Umar", "Hamadi Umar").Place("Qalib al-Thawr", "Qalib al-Thawr")
            .Killed("killing 10 militants", 10).Frame();
        Assert.Equal(["Uqayribat", "Hamadi Umar", "Qalib al-Thawr"], doc.Events.Select(e => e.Location!.Name).ToArray());
        Assert.Equal([4, 3, 3], doc.Events.Select(e => e.Fatalities.Best).ToArray());
        // the aggregate phrase stays the evidence of every share
        Assert.All(doc.Events, e => Assert.Equal("killing 10 militants", e.Fatalities.Text));
        Assert.Equal(10, doc.Events.Sum(e => e.Fatalities.Best));
    }

    [Fact]
    public void A_toll_smaller_than_the_number_of_events_gives_nothing_to_the_last_ones()
    {
        var doc = new Annotated("Russian jets carried out air raids on Uqayribat, Hamadi Umar and Qalib al-Thawr, killing two militants.")
            .Actor("Russian jets", Russia, "external_forces")
            .Place("Uqayribat", "Uqayribat").Place("Hamadi Umar", "Hamadi Umar").Place("Qalib al-Thawr", "Qalib al-Thawr")
            .Killed("killing two militants", 2).Frame();
        Assert.Equal([1, 1, 0], doc.Events.Select(e => e.Fatalities.Best).ToArray());
    }

    [Fact]
    public void A_summary_placed_in_an_area_is_folded_into_the_events_it_sums_up_and_its_toll_is_shared()
    {
        var doc = new Annotated(
            "Over 50 civilians and militants were killed in clashes among rival militants in Northern Aleppo. "
            + "The sources said that Turkish-backed militants engaged in fierce clashes with rival militants in the town of al-Ra'ei. "
            + "The main clash occurred in the villages of Awlan and Sousyan among the Hamza Division and Faylaq al-Sham.")
            .Actor("Turkish-backed militants", Sna, "rebel_group").Actor("the Hamza Division", Sna, "rebel_group").Actor("Faylaq al-Sham", Sna, "rebel_group")
            .Place("Northern Aleppo", "Northern Aleppo", 2, type: "region")
            .Place("al-Ra'ei", "Al-Rai", phrase: "the town of al-Ra'ei").Place("Awlan", "Awlan").Place("Sousyan", "Sousyan")
            .Killed("Over 50 civilians and militants were killed", 50, low: 50).Frame();
        Assert.Equal(["Al-Rai", "Awlan", "Sousyan"], doc.Events.Select(e => e.Location!.Name).ToArray());
        // 50 over three events: the "main clash" villages take the remainder first
        Assert.Equal([16, 17, 17], doc.Events.Select(e => e.Fatalities.Best).ToArray());
        var summary = doc.Sentences[0].Span;
        Assert.All(doc.Events, e => Assert.Contains(summary, e.Evidence));
    }

    [Fact]
    public void An_area_report_followed_by_a_single_specific_event_keeps_the_whole_toll()
    {
        var doc = new Annotated(
            "Over 50 militants were killed in clashes among rival militants in Northern Aleppo. "
            + "Turkish-backed militants engaged in fierce clashes with the Hamza Division in the town of al-Ra'ei.")
            .Actor("rival militants", "Unidentified Armed Group (Syria)", "rebel_group").Actor("Turkish-backed militants", Sna, "rebel_group")
            .Actor("the Hamza Division", "Hamza Division", "rebel_group")
            .Place("Northern Aleppo", "Northern Aleppo", 2, type: "region").Place("al-Ra'ei", "Al-Rai")
            .Killed("Over 50 militants were killed", 50, low: 50).Frame();
        // one summary and one detail are one event (a restatement): the whole toll is its own, nothing is divided
        var e = Assert.Single(doc.Events);
        Assert.Equal(("Al-Rai", 50), (e.Location!.Name, e.Fatalities.Best));
    }

    [Fact]
    public void An_event_with_a_figure_of_its_own_keeps_it_and_the_rest_of_the_total_is_shared()
    {
        var doc = new Annotated(
            "Over 20 were killed in clashes between ISIS and the army in Eastern Hama. "
            + "ISIS fighters attacked the army in Aqayrabat, killing 8 soldiers. "
            + "ISIS fighters attacked the army in Salba and Tal Ali.")
            .Actor("ISIS", IS, "rebel_group").Actor("the army", Syria)
            .Actor("ISIS fighters", IS, "rebel_group").Actor("the army", Syria, occurrence: 1)
            .Actor("ISIS fighters", IS, "rebel_group", occurrence: 1).Actor("the army", Syria, occurrence: 2)
            .Place("Eastern Hama", "Eastern Hama", 2, type: "region", admin1: "Hama")
            .Place("Aqayrabat", "Aqayrabat", admin1: "Hama").Place("Salba", "Salba", admin1: "Hama").Place("Tal Ali", "Tal Ali", admin1: "Hama")
            .Killed("Over 20 were killed", 20, low: 20).Killed("killing 8 soldiers", 8).Frame();
        Assert.Equal(["Aqayrabat", "Salba", "Tal Ali"], doc.Events.Select(e => e.Location!.Name).ToArray());
        Assert.Equal([8, 6, 6], doc.Events.Select(e => e.Fatalities.Best).ToArray());
    }

    [Fact]
    public void A_figure_equal_to_the_shared_total_restates_it()
    {
        var doc = new Annotated(
            "Over 50 were killed in clashes among Turkish-backed militants in Northern Aleppo. "
            + "The main clash occurred in the villages of Awlan and Sousyan among the Hamza Division and Faylaq al-Sham. "
            + "A sum of 30 gunmen and 20 civilians were killed in the clashes that spilled over to the camp of Shamarin.")
            .Actor("Turkish-backed militants", Sna, "rebel_group").Actor("the Hamza Division", Sna, "rebel_group").Actor("Faylaq al-Sham", Sna, "rebel_group")
            .Place("Northern Aleppo", "Northern Aleppo", 2, type: "region")
            .Place("Awlan", "Awlan").Place("Sousyan", "Sousyan").Place("Shamarin", "Shamarin", phrase: "the camp of Shamarin")
            .Killed("Over 50 were killed", 50, low: 50).Killed("A sum of 30 gunmen and 20 civilians were killed", 50).Frame();
        Assert.Equal(["Awlan", "Sousyan", "Shamarin"], doc.Events.Select(e => e.Location!.Name).ToArray());
        Assert.Equal([17, 17, 16], doc.Events.Select(e => e.Fatalities.Best).ToArray());
    }

    [Fact]
    public void Clashes_that_spill_over_to_a_new_place_are_an_event_there_with_the_same_sides()
    {
        var doc = new Annotated(
            "ISIS fighters clashed with the army in Awlan. "
            + "Five civilians were killed in the clashes that spilled over to the camp of Shamarin.")
            .Actor("ISIS fighters", IS, "rebel_group").Actor("the army", Syria)
            .Place("Awlan", "Awlan").Place("Shamarin", "Shamarin", phrase: "the camp of Shamarin")
            .Killed("Five civilians were killed", 5).Frame();
        Assert.Equal(2, doc.Events.Length);
        var spread = doc.Events[1];
        Assert.Equal("Shamarin", spread.Location!.Name);
        Assert.Equal(("Battles", "Armed clash"), (spread.EventType, spread.SubEventType));
        Assert.Equal((IS, Syria), (spread.Actor1, spread.Actor2));
        Assert.Equal(5, spread.Fatalities.Best);
        // the inherited sides are named in the earlier sentence, not in this event's evidence
        Assert.Empty(spread.Actor1Mentions);
    }

    [Fact]
    public void The_clashes_without_a_new_place_stay_a_restatement()
    {
        var doc = new Annotated(
            "ISIS fighters clashed with the army in Awlan. "
            + "Five soldiers were killed in the clashes.")
            .Actor("ISIS fighters", IS, "rebel_group").Actor("the army", Syria)
            .Place("Awlan", "Awlan").Killed("Five soldiers were killed", 5).Frame();
        var e = Assert.Single(doc.Events);
        Assert.Equal(5, e.Fatalities.Best);
    }

    [Fact]
    public void A_place_after_in_holds_the_struck_place_and_is_no_target_of_its_own()
    {
        var doc = new Annotated("Coalition jets bombed the town of Deiban in the countryside of Deir Ezzur city, killing three civilians.")
            .Actor("Coalition", "US-led Coalition", "external_forces")
            .Place("Deiban", "Diban", phrase: "the town of Deiban", admin1: "Deir ez-Zor")
            .Place("Deir Ezzur", "Deir-ez-Zor", 2, phrase: "the countryside of Deir Ezzur city", admin1: "Deir ez-Zor")
            .Killed("killing three civilians", 3).Frame();
        var e = Assert.Single(doc.Events);
        Assert.Equal("Diban", e.Location!.Name);
        Assert.Equal(3, e.Fatalities.Best);
    }

    [Fact]
    public void A_landmark_cue_inside_the_place_phrase_still_marks_a_landmark()
    {
        var doc = new Annotated("Russian warplanes pounded the town of Jarjanaz south of Maarat al-Numan, killing eight civilians.")
            .Actor("Russian warplanes", Russia, "external_forces")
            .Place("Jarjanaz", "Jarjanaz", phrase: "the town of Jarjanaz", admin1: "Idlib")
            .Place("Maarat al-Numan", "Maarat al-Numan", 2, phrase: "south of Maarat al-Numan", admin1: "Idlib")
            .Killed("killing eight civilians", 8).Frame();
        var e = Assert.Single(doc.Events);
        Assert.Equal("Jarjanaz", e.Location!.Name);
        Assert.Equal(8, e.Fatalities.Best);
    }

    [Fact]
    public void A_toll_in_the_two_attacks_after_a_list_is_shared_by_the_two_events()
    {
        var doc = new Annotated(
            "ISIS fighters attacked an army checkpoint in Salba. Hours later, ISIS fighters attacked an army post in Tal Ali. "
            + "Seven soldiers were killed in the two attacks.")
            .Actor("ISIS fighters", IS, "rebel_group").Actor("army", Syria)
            .Actor("ISIS fighters", IS, "rebel_group", occurrence: 1).Actor("army", Syria, occurrence: 1)
            .Place("Salba", "Salba").Place("Tal Ali", "Tal Ali")
            .Killed("Seven soldiers were killed", 7).Frame();
        Assert.Equal(["Salba", "Tal Ali"], doc.Events.Select(e => e.Location!.Name).ToArray());
        Assert.Equal([4, 3], doc.Events.Select(e => e.Fatalities.Best).ToArray());
        var summary = doc.Sentences[^1].Span;
        Assert.All(doc.Events, e => Assert.Contains(summary, e.Evidence));
    }

    [Fact]
    public void A_toll_in_the_clashes_after_several_clashes_is_shared_but_a_singular_one_goes_to_the_last_event()
    {
        const string list = "ISIS fighters clashed with the army in Salba. ISIS fighters clashed with the army in Tal Ali. ";
        AnnotatedText Build(string tail) => new Annotated(list + tail)
            .Actor("ISIS fighters", IS, "rebel_group").Actor("the army", Syria)
            .Actor("ISIS fighters", IS, "rebel_group", occurrence: 1).Actor("the army", Syria, occurrence: 1)
            .Place("Salba", "Salba").Place("Tal Ali", "Tal Ali")
            .Killed("Six soldiers were killed", 6);

        var plural = Build("Six soldiers were killed in the clashes.").Frame();
        Assert.Equal([3, 3], plural.Events.Select(e => e.Fatalities.Best).ToArray());

        var singular = Build("Six soldiers were killed in the clash.").Frame();
        Assert.Equal([null, 6], singular.Events.Select(e => e.Fatalities.Best).ToArray());
    }

    [Fact]
    public void Both_attacks_is_a_reference_to_events_told_not_a_new_event()
    {
        var doc = new Annotated(
            "ISIS fighters attacked an army checkpoint in Salba. ISIS fighters attacked an army post in Tal Ali. "
            + "Four soldiers died in both attacks.")
            .Actor("ISIS fighters", IS, "rebel_group").Actor("army", Syria)
            .Actor("ISIS fighters", IS, "rebel_group", occurrence: 1).Actor("army", Syria, occurrence: 1)
            .Place("Salba", "Salba").Place("Tal Ali", "Tal Ali")
            .Killed("Four soldiers died", 4).Frame();
        Assert.Equal(2, doc.Events.Length);
        Assert.Equal([2, 2], doc.Events.Select(e => e.Fatalities.Best).ToArray());
    }

    [Fact]
    public void An_area_report_restated_at_a_named_place_in_the_next_sentence_is_one_event_with_the_range_of_both_tolls()
    {
        const string summary = "The SDF ambushed a group of Turkish-backed militants in Western Aleppo, killing almost 30 of them. ";
        const string detail = "The Kurdish fighters stormed the Euphrates Shield militants near Dar al-Izzah, killing 28 fighters.";
        AnnotatedText Build(string text) => new Annotated(text)
            .Actor("The SDF", "Syrian Democratic Forces", "rebel_group").Actor("Turkish-backed militants", "Unidentified Armed Group (Syria)", "rebel_group")
            .Actor("The Kurdish fighters", "Syrian Democratic Forces", "rebel_group").Actor("the Euphrates Shield militants", Sna, "rebel_group")
            .Place("Western Aleppo", "Western Aleppo", 2, type: "region").Place("Dar al-Izzah", "Darat Izza", 2, phrase: "near Dar al-Izzah")
            .Killed("killing almost 30 of them", 30, high: 30).Killed("killing 28 fighters", 28);

        var doc = Build(summary + detail).Frame();
        var e = Assert.Single(doc.Events);
        Assert.Equal("Darat Izza", e.Location!.Name);
        Assert.Equal((28, 28, 30), (e.Fatalities.Best, e.Fatalities.Low, e.Fatalities.High));

        // told further apart, they stay two reports
        var apart = Build(summary + "Turkish-backed militants have held the area since 2018. " + detail).Frame();
        Assert.Equal(2, apart.Events.Length);
    }
}
