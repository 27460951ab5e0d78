namespace Sitrep.Places;

/// <summary>Country names as ACLED writes them, from the gazetteer's ISO 3166 codes.</summary>
public static class CountryNames
{
    public static string? Of(string? code) => code switch
    {
        null => null,
        "SY" => "Syria",
        "IQ" => "Iraq",
        "JO" => "Jordan",
        "LB" => "Lebanon",
        "TR" => "Turkey",
        "IL" => "Israel",
        "IR" => "Iran",
        _ => code,
    };
}
