using Sitrep.Actors;
using Sitrep.Attribution;
using Sitrep.Dates;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Places;
using Sitrep.Quantities;
using Sitrep.Tests.Attribution;
using Sitrep.Text;

namespace Sitrep.Tests.Events;

/// <summary>
/// The framer on hand-annotated sentences: the mentions are given, so these tests pin the role,
/// type and linking rules independently of the taggers.
/// </summary>
public class EventFramerTests
{
    private static readonly EventFramer Framer = new(EventLexicon.LoadDefault());
    private static readonly AttributionTagger Attribution = new(AttributionLexicon.LoadDefault());

    /// <summary>A text with its mentions given, framed by the shipped framer (places in Homs by default).</summary>
    private sealed class Annotated(string text) : AnnotatedText(text, Framer, Attribution);

    private const string Syria = "Military Forces of Syria";
    private const string IS = "Islamic State";
    private const string Russia = "Military Forces of Russia";

    [Fact]
    public void A_place_phrase_reaching_over_the_next_place_is_no_list_and_no_crash()
    {
        var doc = new Annotated("ISIS fighters attacked army posts in Kafr Nabl and Hass on Tuesday.")
            .Actor("ISIS fighters", IS, "rebel_group").Actor("army posts", Syria)
            .Place("Kafr Nabl", "Kafr Nabl", 1, "in Kafr Nabl and Hass").Place("Hass", "Hass", 1).Frame();
        var e = Assert.Single(doc.Events);
        Assert.Equal("Kafr Nabl", e.Location!.Name);
    }

    [Fact]
    public void Active_voice_attack_reads_subject_then_object()
    {
        var doc = new Annotated("ISIS cells attacked a series of Syrian army points near Rusafa.")
            .Actor("ISIS cells", IS, "rebel_group").Actor("Syrian army points", Syria).Place("Rusafa", "Rusafa", 2, "near Rusafa").Frame();
        var e = Assert.Single(doc.Events);
        Assert.Equal(("Battles", "Armed clash"), (e.EventType, e.SubEventType));
        Assert.Equal((IS, Syria), (e.Actor1, e.Actor2));
        Assert.Equal("Rusafa", e.Location!.Name);
        Assert.Equal("near Rusafa", e.Location.Surface);
        Assert.Equal(2, e.Location.GeoPrecision);
    }

    [Fact]
    public void Defender_construction_makes_the_attacker_actor1()
    {
        var doc = new Annotated("Units of the Syrian army repelled an attack by ISIS militants on points in the desert.")
            .Actor("Units of the Syrian army", Syria).Actor("ISIS militants", IS, "rebel_group").Frame();
        var e = Assert.Single(doc.Events);
        Assert.Equal((IS, Syria), (e.Actor1, e.Actor2));
    }

    [Fact]
    public void Passive_voice_swaps_roles()
    {
        var doc = new Annotated("Three civilians were killed by coalition airstrikes in Diban.")
            .Actor("civilians", "Civilians (Syria)", "civilians").Actor("coalition", "US-led Coalition", "external_forces")
            .Place("Diban", "Diban").Killed("Three civilians were killed", 3).Frame();
        var e = Assert.Single(doc.Events);
        Assert.Equal("Air/drone strike", e.SubEventType);
        Assert.Equal("US-led Coalition", e.Actor1);
        Assert.Equal("Civilians (Syria)", e.Actor2);
        Assert.Equal(3, e.Fatalities.Best);
    }

    [Fact]
    public void Generic_attack_with_aircraft_in_the_clause_is_an_air_strike()
    {
        var doc = new Annotated("Russian warplanes pounded ISIS hideouts in the Homs desert, killing at least 25 militants.")
            .Actor("Russian warplanes", Russia, "external_forces").Actor("ISIS", IS, "rebel_group")
            .Place("Homs desert", "Homs desert", 2).Killed("killing at least 25 militants", 25, low: 25).Frame();
        var e = Assert.Single(doc.Events);
        Assert.Equal(("Explosions/Remote violence", "Air/drone strike"), (e.EventType, e.SubEventType));
        Assert.Equal((Russia, IS), (e.Actor1, e.Actor2));
        Assert.Equal((25, 25), (e.Fatalities.Best, e.Fatalities.Low));
    }

    [Fact]
    public void Air_raids_over_several_places_are_one_event_per_place()
    {
        var doc = new Annotated("Russian jets carried out air raids on Uqayribat, Hamadi Umar and Qalib al-Thawr, killing tens of terrorists.")
            .Actor("Russian jets", Russia, "external_forces")
            .Place("Uqayribat", "Uqayribat").Place("Hamadi Umar", "Hamadi Umar").Place("Qalib al-Thawr", "Qalib al-Thawr")
            .Killed("killing tens of terrorists", null).Frame();
        Assert.Equal(["Uqayribat", "Hamadi Umar", "Qalib al-Thawr"], doc.Events.Select(e => e.Location!.Name).ToArray());
        Assert.All(doc.Events, e => Assert.Equal("killing tens of terrorists", e.Fatalities.Text));
        Assert.All(doc.Events, e => Assert.Null(e.Fatalities.Best));
    }

    [Fact]
    public void Backed_by_makes_an_associated_actor()
    {
        var doc = new Annotated("The Syrian army, backed by Russian warplanes, regained control of Bir al-Badiyeh from ISIS.")
            .Actor("The Syrian army", Syria).Actor("Russian warplanes", Russia, "external_forces").Actor("ISIS", IS, "rebel_group")
            .Place("Bir al-Badiyeh", "Bir al-Badiyeh").Frame();
        var e = Assert.Single(doc.Events);
        Assert.Equal("Government regains territory", e.SubEventType);
        Assert.Equal((Syria, IS), (e.Actor1, e.Actor2));
        Assert.Equal([Russia], e.AssocActor1.ToArray());
    }

    [Fact]
    public void A_non_state_capture_is_overtaking_territory()
    {
        var doc = new Annotated("ISIS fighters captured the village of Mayadin from the army.")
            .Actor("ISIS fighters", IS, "rebel_group").Actor("the army", Syria).Place("Mayadin", "Mayadin").Frame();
        Assert.Equal("Non-state actor overtakes territory", Assert.Single(doc.Events).SubEventType);
    }

    [Fact]
    public void Coordinated_actors_form_one_side_with_associates()
    {
        var doc = new Annotated("The Syrian Arab Army and the auxiliary forces confronted an attack launched by remnants of ISIS.")
            .Actor("The Syrian Arab Army", Syria).Actor("the auxiliary forces", "Pro-Government Militia (Syria)", "political_militia")
            .Actor("remnants of ISIS", IS, "rebel_group").Frame();
        var e = Assert.Single(doc.Events);
        Assert.Equal((IS, Syria), (e.Actor1, e.Actor2));
        Assert.Equal(["Pro-Government Militia (Syria)"], e.AssocActor2.ToArray());
    }

    [Theory]
    [InlineData("The army plans to attack ISIS positions near Palmyra.")]
    [InlineData("The army did not attack ISIS positions near Palmyra.")]
    [InlineData("The army threatened to attack ISIS positions near Palmyra.")]
    public void Negated_or_planned_triggers_are_not_events(string text)
    {
        var doc = new Annotated(text).Actor("The army", Syria).Actor("ISIS", IS, "rebel_group").Place("Palmyra", "Palmyra", 2).Frame();
        Assert.Empty(doc.Events);
    }

    [Fact]
    public void Hedged_when_the_facts_are_marked_uncertain_but_not_for_a_future_toll()
    {
        var hedged = new Annotated("ISIS fighters attacked the army near Sukhnah. Two soldiers were allegedly killed.")
            .Actor("ISIS fighters", IS, "rebel_group").Actor("the army", Syria).Place("Sukhnah", "Sukhnah", 2)
            .Killed("Two soldiers were allegedly killed", 2).Frame();
        var e = Assert.Single(hedged.Events);
        Assert.True(e.Hedged);
        Assert.Equal(2, e.Fatalities.Best);
        Assert.Equal(2, e.Evidence.Length);

        var future = new Annotated("ISIS fighters attacked the army near Sukhnah, and the toll is most likely to increase.")
            .Actor("ISIS fighters", IS, "rebel_group").Actor("the army", Syria).Place("Sukhnah", "Sukhnah", 2).Frame();
        Assert.False(Assert.Single(future.Events).Hedged);
    }

    [Fact]
    public void Attribution_and_date_come_from_the_sentence_or_the_paragraph()
    {
        var doc = new Annotated("A field source confirmed that ISIS cells attacked army points near Rusafa yesterday night. The source added that the army repelled the attack.")
            .Actor("ISIS cells", IS, "rebel_group").Actor("army points", Syria).Actor("the army", Syria)
            .Place("Rusafa", "Rusafa", 2).Date("yesterday night", null).Frame();
        var e = doc.Events[0];
        Assert.Equal("anonymous", e.Attribution.SourceKind);
        Assert.Equal("A field source confirmed", e.Attribution.SourceText);
        Assert.Equal("yesterday night", e.Date.Text);
        Assert.Equal("publication", e.Date.RelativeTo);
    }

    [Fact]
    public void A_restatement_of_the_same_event_is_merged()
    {
        var doc = new Annotated("ISIS attacked army posts near Rusafa. The army repelled the ISIS attack near Rusafa.")
            .Actor("ISIS", IS, "rebel_group").Actor("army posts", Syria).Actor("The army", Syria).Actor("ISIS", IS, "rebel_group", occurrence: 1)
            .Place("Rusafa", "Rusafa", 2).Frame();
        var e = Assert.Single(doc.Events);
        Assert.Equal(2, e.Evidence.Length);
    }

    [Fact]
    public void Every_event_and_claim_has_evidence_inside_the_body()
    {
        var doc = new Annotated("Official reports warned that the US army is transporting militants to the desert. ISIS attacked the army near Palmyra.")
            .Actor("the US army", "Military Forces of the United States", "external_forces").Actor("ISIS", IS, "rebel_group")
            .Actor("the army", Syria).Place("Palmyra", "Palmyra", 2).Frame();
        Assert.NotEmpty(doc.Events);
        var claim = Assert.Single(doc.Claims);
        Assert.Equal("Military Forces of the United States", claim.Subject);
        Assert.All(doc.Events.SelectMany(e => e.Evidence).Concat(claim.Evidence), span => Assert.True(doc.IsInBody(span)));
    }

    [Fact]
    public void Factions_fighting_each_other_are_coded_under_their_umbrella_group()
    {
        const string sna = "Syrian National Army";
        var doc = new Annotated("The main clash occurred in Awlan among Sultan Morad Brigade, al-Hamzeh division and Faylaq al-Sham.")
            .Actor("Sultan Morad Brigade", "Sultan Murad Division", "rebel_group", parent: sna)
            .Actor("al-Hamzeh division", "Hamza Division", "rebel_group", parent: sna)
            .Actor("Faylaq al-Sham", "Faylaq al-Sham", "rebel_group", parent: sna)
            .Place("Awlan", "Awlan").Frame();
        var e = Assert.Single(doc.Events);
        Assert.Equal((sna, sna), (e.Actor1, e.Actor2));
        Assert.Equal(["Sultan Murad Division", "Hamza Division", "Faylaq al-Sham"], e.AssocActor1.ToArray());
        Assert.Empty(e.AssocActor2);
    }

    [Fact]
    public void A_troop_movement_has_no_second_actor()
    {
        var doc = new Annotated("The Syrian Army dispatched hundreds of special forces to Palmyra to fight ISIL.")
            .Actor("The Syrian Army", Syria).Actor("ISIL", IS, "rebel_group").Place("Palmyra", "Palmyra").Frame();
        var e = Assert.Single(doc.Events);
        Assert.Equal(("Strategic developments", "Other"), (e.EventType, e.SubEventType));
        Assert.Equal(Syria, e.Actor1);
        Assert.Null(e.Actor2);
    }

    [Fact]
    public void Support_goes_to_the_side_named_just_before_it()
    {
        var doc = new Annotated("Units of the Syrian army, with logistical support from the Russian army, repelled an attack by ISIS militants near Rusafa.")
            .Actor("Units of the Syrian army", Syria).Actor("the Russian army", Russia, "external_forces").Actor("ISIS militants", IS, "rebel_group")
            .Place("Rusafa", "Rusafa", 2).Frame();
        var e = Assert.Single(doc.Events);
        Assert.Equal((IS, Syria), (e.Actor1, e.Actor2));
        Assert.Empty(e.AssocActor1);
        Assert.Equal([Russia], e.AssocActor2.ToArray());
    }

    [Fact]
    public void A_report_date_is_not_the_event_date()
    {
        var doc = new Annotated("On June 25, ISIS announced that its fighters attacked the army near Sukhnah on June 23.")
            .Actor("ISIS", IS, "rebel_group").Actor("its fighters", IS, "rebel_group").Actor("the army", Syria)
            .Place("Sukhnah", "Sukhnah", 2).Date("June 25", "2020-06-25").Date("June 23", "2020-06-23").Frame();
        Assert.Equal("2020-06-23", Assert.Single(doc.Events).Date.Value);
    }

    [Fact]
    public void Fighting_in_named_villages_is_one_event_per_village_but_near_two_places_is_one()
    {
        var villages = new Annotated("ISIS fighters clashed with the army in the villages of Awlan and Sousyan.")
            .Actor("ISIS fighters", IS, "rebel_group").Actor("the army", Syria)
            .Place("Awlan", "Awlan", 1).Place("Sousyan", "Sousyan", 1).Frame();
        Assert.Equal(["Awlan", "Sousyan"], villages.Events.Select(e => e.Location!.Name).ToArray());

        var near = new Annotated("ISIS fighters ambushed the army near Sukhnah and Arak.")
            .Actor("ISIS fighters", IS, "rebel_group").Actor("the army", Syria)
            .Place("Sukhnah", "Sukhnah", 2).Place("Arak", "Arak", 2).Frame();
        Assert.Equal("Sukhnah", Assert.Single(near.Events).Location!.Name);
    }

    [Fact]
    public void A_date_relative_to_an_earlier_event_is_resolved_on_that_events_day()
    {
        var doc = new Annotated("ISIS fighters attacked the army near Sukhnah on June 23. Two days after the attack, Russian jets struck ISIS hideouts near Arak.")
            .Actor("ISIS fighters", IS, "rebel_group").Actor("the army", Syria).Actor("Russian jets", Russia, "external_forces").Actor("ISIS hideouts", IS, "rebel_group")
            .Place("Sukhnah", "Sukhnah", 2).Place("Arak", "Arak", 2)
            .Date("June 23", "2023-06-23").Date("Two days after the attack", null, relativeTo: "event", offset: 2).Frame();
        Assert.Equal(2, doc.Events.Length);
        Assert.Equal(("2023-06-23", "2023-06-25"), (doc.Events[0].Date.Value, doc.Events[1].Date.Value));
        Assert.Equal("event", doc.Events[1].Date.RelativeTo);
    }

    [Fact]
    public void A_date_relative_to_an_event_with_no_known_day_stays_unresolved()
    {
        var doc = new Annotated("ISIS fighters attacked the army near Sukhnah on June 23. Two days after the attack, Russian jets struck ISIS hideouts near Arak.")
            .Actor("ISIS fighters", IS, "rebel_group").Actor("the army", Syria).Actor("Russian jets", Russia, "external_forces").Actor("ISIS hideouts", IS, "rebel_group")
            .Place("Sukhnah", "Sukhnah", 2).Place("Arak", "Arak", 2)
            .Date("June 23", null).Date("Two days after the attack", null, relativeTo: "event", offset: 2).Frame();
        Assert.Equal(2, doc.Events.Length);
        Assert.All(doc.Events, e => Assert.Null(e.Date.Value));
    }

    [Fact]
    public void An_undated_event_takes_the_date_of_the_next_sentence_about_the_same_province()
    {
        var doc = new Annotated("The campaign began on 6 December.\n\nThe Syrian army has been carrying out airstrikes against Idlib.\n\nOperations around Saraqib escalated on 5 October.")
            .Actor("The Syrian army", Syria).Place("Idlib", "Idlib").Place("Saraqib", "Saraqib")
            .Date("6 December", "2023-12-06").Date("5 October", "2023-10-05").Frame();
        var e = Assert.Single(doc.Events);
        Assert.Equal("2023-10-05", e.Date.Value);

        // no place of the province in the next sentence: the article's date
        var other = new Annotated("The campaign began on 6 December.\n\nThe Syrian army has been carrying out airstrikes against Idlib.\n\nTalks resumed on 5 October.")
            .Actor("The Syrian army", Syria).Place("Idlib", "Idlib")
            .Date("6 December", "2023-12-06").Date("5 October", "2023-10-05").Frame();
        Assert.Equal("2023-12-06", Assert.Single(other.Events).Date.Value);
    }

    [Fact]
    public void An_unknown_date_does_not_split_a_restatement_from_its_report()
    {
        var doc = new Annotated("ISIS fighters attacked the army near Sukhnah on June 23. ISIS fighters attacked the army near Sukhnah two days ago.")
            .Actor("ISIS fighters", IS, "rebel_group").Actor("the army", Syria).Actor("ISIS fighters", IS, "rebel_group", 1).Actor("the army", Syria, occurrence: 1)
            .Place("Sukhnah", "Sukhnah", 2)
            .Date("June 23", "2023-06-23").Date("two days ago", null).Frame();
        Assert.Equal("2023-06-23", Assert.Single(doc.Events).Date.Value);

        var known = new Annotated("ISIS fighters attacked the army near Sukhnah on June 23. ISIS fighters attacked the army near Sukhnah two days ago.")
            .Actor("ISIS fighters", IS, "rebel_group").Actor("the army", Syria).Actor("ISIS fighters", IS, "rebel_group", 1).Actor("the army", Syria, occurrence: 1)
            .Place("Sukhnah", "Sukhnah", 2)
            .Date("June 23", "2023-06-23").Date("two days ago", "2023-12-05").Frame();
        Assert.Equal(2, known.Events.Length);
    }

    [Fact]
    public void Members_of_a_named_armed_side_killed_are_no_civilians()
    {
        var doc = new Annotated("Two members of the Syrian army were killed when a roadside bomb went off near Palmyra.")
            .Actor("the Syrian army", Syria).Place("Palmyra", "Palmyra", 2)
            .Killed("Two members of the Syrian army were killed", 2, who: "members").Frame();
        var e = Assert.Single(doc.Events);
        Assert.NotEqual("Civilians (Syria)", e.Actor2);
        Assert.Equal(2, e.Fatalities.Best);

        var family = new Annotated("Two members of a family were killed when a roadside bomb went off near Palmyra.")
            .Place("Palmyra", "Palmyra", 2).Killed("Two members of a family were killed", 2, who: "members").Frame();
        Assert.Equal("Civilians (Syria)", Assert.Single(family.Events).Actor2);
    }

    [Fact]
    public void The_toll_told_with_a_generic_attack_goes_to_the_weapon_event_that_replaces_it()
    {
        var doc = new Annotated("ISIS suicide bombers attacked an army post near Palmyra, killing six soldiers.")
            .Actor("ISIS", IS, "rebel_group").Actor("army post", Syria).Place("Palmyra", "Palmyra", 2)
            .Killed("killing six soldiers", 6).Frame();
        var e = Assert.Single(doc.Events);
        Assert.Equal("Suicide bomb", e.SubEventType);
        Assert.Equal(6, e.Fatalities.Best);
    }

    [Fact]
    public void Repelling_a_named_attack_is_one_event_told_by_the_attack()
    {
        var doc = new Annotated("Peshmerga forces repelled an Islamic State attack on their positions near Makhmour, killing four militants.")
            .Actor("Peshmerga forces", "Military Forces of Iraq (Kurdistan Region)").Actor("Islamic State", IS, "rebel_group")
            .Place("Makhmour", "Makhmour", 2).Killed("killing four militants", 4).Frame();
        var e = Assert.Single(doc.Events);
        Assert.Equal(IS, e.Actor1);
        Assert.Equal(4, e.Fatalities.Best);
    }

    [Fact]
    public void A_weapon_noun_right_before_a_generic_verb_is_the_act_itself()
    {
        var doc = new Annotated("A US strike targeted a meeting of Hurras al-Din leaders west of Aleppo, killing six commanders.")
            .Actor("US", "Military Forces of the United States", "external_forces").Actor("Hurras al-Din", "Hurras al-Din", "rebel_group")
            .Place("Aleppo", "Aleppo", 2, "west of Aleppo").Killed("killing six commanders", 6).Frame();
        var e = Assert.Single(doc.Events);
        Assert.Equal("Air/drone strike", e.SubEventType);
        Assert.Equal(6, e.Fatalities.Best);
    }

    [Fact]
    public void A_place_in_a_purpose_clause_is_a_goal_not_the_event_place()
    {
        var doc = new Annotated("Near Palmyra, Russian jets pounded ISIS convoys to open the road to Deir Ezzor.")
            .Actor("Russian jets", Russia).Actor("ISIS", IS, "rebel_group")
            .Place("Palmyra", "Palmyra", 2, "Near Palmyra").Place("Deir Ezzor", "Deir ez-Zor", admin1: "Deir ez-Zor").Frame();
        Assert.Equal("Palmyra", Assert.Single(doc.Events).Location!.Name);

        // a purpose cut off by a comma does not reach the place after it
        var after = new Annotated("Russian jets pounded ISIS convoys to open the road, hitting their positions in Deir Ezzor.")
            .Actor("Russian jets", Russia).Actor("ISIS", IS, "rebel_group").Place("Deir Ezzor", "Deir ez-Zor", admin1: "Deir ez-Zor").Frame();
        Assert.NotEmpty(after.Events);
        Assert.All(after.Events, e => Assert.Equal("Deir ez-Zor", e.Location!.Name));
    }

    [Fact]
    public void A_goal_is_kept_when_the_sentence_names_no_other_place()
    {
        var doc = new Annotated("ISIS fighters attacked the army to reach Deir Ezzor.")
            .Actor("ISIS fighters", IS, "rebel_group").Actor("the army", Syria).Place("Deir Ezzor", "Deir ez-Zor", admin1: "Deir ez-Zor").Frame();
        Assert.Equal("Deir ez-Zor", Assert.Single(doc.Events).Location!.Name);
    }

    [Fact]
    public void A_sentence_without_a_place_goes_on_where_the_paragraph_before_it_was()
    {
        // Raqqa is the article's most named place; the paragraph before the tanks names Tharda
        var text = "ISIS fighters attacked the army in Raqqa. ISIS fighters clashed with the army in Raqqa.\n\n"
            + "Russian jets struck ISIS near Tharda.\n\n"
            + "Also, army tanks fired at ISIS militants in the surrounding areas.";
        var doc = new Annotated(text)
            .Actor("ISIS fighters", IS, "rebel_group").Actor("the army", Syria).Actor("ISIS fighters", IS, "rebel_group", occurrence: 1).Actor("the army", Syria, occurrence: 1)
            .Actor("Russian jets", Russia).Actor("ISIS", IS, "rebel_group", occurrence: 2).Actor("army tanks", Syria).Actor("ISIS militants", IS, "rebel_group")
            .Place("Raqqa", "Raqqa", admin1: "Raqqa").Place("Raqqa", "Raqqa", admin1: "Raqqa", occurrence: 1)
            .Place("Tharda", "Tharda", 2, "near Tharda", admin1: "Deir ez-Zor").Frame();
        var tanks = Assert.Single(doc.Events, e => e.SubEventType == "Shelling/artillery/missile attack" && e.Evidence.Any(s => s.Start >= text.IndexOf("Also", StringComparison.Ordinal)));
        Assert.Equal("Tharda", tanks.Location!.Name);
    }

    [Fact]
    public void Where_the_attackers_came_from_gives_way_to_the_place_the_sentence_opens_with()
    {
        const string text = "Battles took place in the countryside of Raqqa, after the army confronted an attack starting from the area (55 km) in the Syrian Badia.";
        var doc = new Annotated(text)
            .Actor("the army", Syria)
            .Place("Raqqa", "Raqqa", 2, "the countryside of Raqqa", admin1: "Raqqa", type: "governorate")
            .Place("55 km", "Al-Tanf (55 km zone)", 2, "the area (55 km", type: "region")
            .Place("Syrian Badia", "Syrian Desert (Badia)", 2, "the Syrian Badia", type: "desert").Frame();
        Assert.All(doc.Events, e => Assert.Equal("Raqqa", e.Location!.Name));
        Assert.NotEmpty(doc.Events);
    }

    [Fact]
    public void A_landmark_in_the_places_own_phrase_only_locates_the_place_before_it()
    {
        var doc = new Annotated("Russian jets launched raids on the supply lines coming from the Sukhna area, east of Homs desert.")
            .Actor("Russian jets", Russia)
            .Place("Sukhna", "Sukhnah", 2, "the Sukhna area").Place("Homs desert", "Homs desert", 2, "east of Homs desert", type: "desert").Frame();
        Assert.Equal("Sukhnah", Assert.Single(doc.Events).Location!.Name);
    }

    [Fact]
    public void Jets_pursuing_supply_lines_is_an_air_strike_but_a_ground_pursuit_is_not()
    {
        var air = new Annotated("Russian warplanes ensured the pursuit of ISIS supply lines coming from the Bishri Mountains.")
            .Actor("Russian warplanes", Russia).Actor("ISIS", IS, "rebel_group")
            .Place("Bishri Mountains", "Jabal al-Bishri", 2, "the Bishri Mountains", admin1: "Deir ez-Zor", type: "mountain").Frame();
        var e = Assert.Single(air.Events);
        Assert.Equal(("Air/drone strike", "Jabal al-Bishri"), (e.SubEventType, e.Location!.Name));

        var ground = new Annotated("The soldiers continued the pursuit of ISIS near the Bishri Mountains.")
            .Actor("The soldiers", Syria).Actor("ISIS", IS, "rebel_group")
            .Place("Bishri Mountains", "Jabal al-Bishri", 2, "near the Bishri Mountains", admin1: "Deir ez-Zor", type: "mountain").Frame();
        Assert.Empty(ground.Events);
    }

    [Fact]
    public void A_desert_in_a_list_of_struck_places_is_an_event_of_its_own()
    {
        var text = "Russian jets struck ISIS near Bishri.\n\nRussian jets also struck ISIS near Rusafa and in the desert of Deir ez-Zor.";
        var doc = new Annotated(text)
            .Actor("Russian jets", Russia).Actor("ISIS", IS, "rebel_group").Actor("Russian jets", Russia, occurrence: 1).Actor("ISIS", IS, "rebel_group", occurrence: 1)
            .Place("Bishri", "Jabal al-Bishri", 2, "near Bishri", admin1: "Deir ez-Zor", type: "mountain")
            .Place("Rusafa", "Rusafa", 2, "near Rusafa", admin1: "Raqqa")
            .Place("Deir ez-Zor", "Deir ez-Zor desert", 2, "the desert of Deir ez-Zor", admin1: "Deir ez-Zor", type: "desert").Frame();
        Assert.Equal(["Jabal al-Bishri", "Rusafa", "Deir ez-Zor desert"], doc.Events.Select(e => e.Location!.Name).ToArray());
    }

    [Fact]
    public void A_list_of_governorates_sums_up_the_events_told_after_it()
    {
        var text = "Civilians were killed in coalition jets' attacks in Raqqa and Deir Ezzor provinces.\n\n"
            + "The coalition jets targeted the village of Kasra in Raqqa, killing five civilians.";
        var doc = new Annotated(text)
            .Actor("coalition jets'", "US-led Coalition", "external_forces").Actor("coalition jets", "US-led Coalition", "external_forces", occurrence: 1)
            .Place("Raqqa", "Raqqa", 3, admin1: "Raqqa", type: "governorate")
            .Place("Deir Ezzor", "Deir ez-Zor", 3, "Deir Ezzor provinces", admin1: "Deir ez-Zor", type: "governorate")
            .Place("Kasra", "Kasra", 1, "the village of Kasra", admin1: "Raqqa").Frame();
        var kasra = Assert.Single(doc.Events, e => e.Location!.Name == "Kasra");
        Assert.Equal(2, kasra.Evidence.Length);
    }

    [Fact]
    public void A_report_naming_only_an_area_restates_the_latest_event_there()
    {
        var text = "Russian jets struck ISIS near Sukhnah.\n\nRussian jets struck ISIS near Palmyra.\n\nRussian jets kept pounding ISIS in Homs province.";
        var doc = new Annotated(text)
            .Actor("Russian jets", Russia).Actor("ISIS", IS, "rebel_group")
            .Actor("Russian jets", Russia, occurrence: 1).Actor("ISIS", IS, "rebel_group", occurrence: 1)
            .Actor("Russian jets", Russia, occurrence: 2).Actor("ISIS", IS, "rebel_group", occurrence: 2)
            .Place("Sukhnah", "Sukhnah", 2, "near Sukhnah").Place("Palmyra", "Palmyra", 2, "near Palmyra")
            .Place("Homs", "Homs", 3, "Homs province", type: "governorate").Frame();
        Assert.Equal(["Sukhnah", "Palmyra"], doc.Events.Select(e => e.Location!.Name).ToArray());
        Assert.Equal(2, doc.Events[1].Evidence.Length);
        Assert.Single(doc.Events[0].Evidence);
    }

    [Fact]
    public void A_trigger_inside_the_object_of_another_with_a_shared_party_is_one_event()
    {
        var doc = new Annotated("The soldiers fended off ISIS's heavy attack near Arak, the source said.")
            .Actor("The soldiers", Syria).Actor("ISIS's", IS, "rebel_group").Place("Arak", "Arak", 2, "near Arak").Frame();
        Assert.Single(doc.Events, e => e.SubEventType == "Armed clash");

        // two deeds joined by "and", each with its own opponent, stay two events
        var two = new Annotated("ISIS fighters attacked the army near Arak and clashed with tribal gunmen.")
            .Actor("ISIS fighters", IS, "rebel_group").Actor("the army", Syria).Actor("tribal gunmen", "Unidentified Armed Group (Syria)", "unidentified")
            .Place("Arak", "Arak", 2, "near Arak").Frame();
        Assert.Equal(2, two.Events.Count(e => e.SubEventType == "Armed clash"));
    }

    [Fact]
    public void The_paragraph_before_lends_no_landmark_or_origin_as_the_place()
    {
        // the paragraph before names only where supplies came from and a landmark: the article's focus place stands in
        var text = "ISIS cells attacked army points near Rusafa. ISIS cells attacked the army near Rusafa again.\n\n"
            + "Russian jets struck supply lines coming from the Sukhna area, east of Homs desert.\n\n"
            + "An operation was launched, in which the army regained control of all the points.";
        var doc = new Annotated(text)
            .Actor("ISIS cells", IS, "rebel_group").Actor("army points", Syria).Actor("ISIS cells", IS, "rebel_group", occurrence: 1)
            .Actor("the army", Syria).Actor("Russian jets", Russia).Actor("the army", Syria, occurrence: 1)
            .Place("Rusafa", "Rusafa", 2, "near Rusafa", admin1: "Raqqa").Place("Rusafa", "Rusafa", 2, "near Rusafa", admin1: "Raqqa", occurrence: 1)
            .Place("Sukhna", "Sukhnah", 2, "the Sukhna area").Place("Homs desert", "Homs desert", 2, "east of Homs desert", type: "desert")
            .Frame();
        var regained = Assert.Single(doc.Events, e => e.SubEventType == "Government regains territory");
        Assert.Equal("Rusafa", regained.Location!.Name);
    }

    [Fact]
    public void A_site_coordinated_with_an_area_is_the_event_place()
    {
        var doc = new Annotated("Rival factions clashed with ISIS in al-Bab region and the town of al-Rai.")
            .Actor("Rival factions", "Syrian National Army", "rebel_group").Actor("ISIS", IS, "rebel_group")
            .Place("al-Bab", "Al Bab", 2, "al-Bab region", admin1: "Aleppo").Place("al-Rai", "Al-Rai", 1, "the town of al-Rai", admin1: "Aleppo").Frame();
        Assert.Equal("Al-Rai", Assert.Single(doc.Events).Location!.Name);

        // a name under the first one's "near" is no site of its own
        var near = new Annotated("Rival factions clashed with ISIS in areas near Dar al-Izzah and Deir Seman.")
            .Actor("Rival factions", "Syrian National Army", "rebel_group").Actor("ISIS", IS, "rebel_group")
            .Place("Dar al-Izzah", "Darat Izza", 2, "areas near Dar al-Izzah", admin1: "Aleppo").Place("Deir Seman", "Deir Seman", 1, admin1: "Aleppo").Frame();
        Assert.Equal("Darat Izza", Assert.Single(near.Events).Location!.Name);
    }

    [Fact]
    public void A_neighbourhood_in_a_town_is_coded_at_the_town()
    {
        var doc = new Annotated("Terrorists targeted the Safsafiya neighbourhood in Mhardeh city with rocket shells, killing two civilians.")
            .Actor("Terrorists", "Unidentified Armed Group (Syria)", "unidentified")
            .Place("Safsafiya", "Sifsafiyeh", 1, "the Safsafiya", admin1: "Hama").Place("Mhardeh", "Muhradah", 1, "Mhardeh city", admin1: "Hama").Frame();
        Assert.Equal("Muhradah", Assert.Single(doc.Events).Location!.Name);
    }

    [Fact]
    public void People_abducted_from_a_village_were_taken_there()
    {
        var doc = new Annotated("ISIS fighters abducted around 400 civilians from the village of Baghaliyeh and took them to Mayadin.")
            .Actor("ISIS fighters", IS, "rebel_group")
            .Place("Baghaliyeh", "Baghaliyeh", 1, "the village of Baghaliyeh", admin1: "Deir ez-Zor")
            .Place("Mayadin", "Mayadin", 1, admin1: "Deir ez-Zor").Frame();
        var e = Assert.Single(doc.Events);
        Assert.Equal(("Abduction/forced disappearance", "Baghaliyeh"), (e.SubEventType, e.Location!.Name));
    }
}
