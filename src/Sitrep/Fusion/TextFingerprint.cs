using System.Security.Cryptography;
using System.Text;
using Sitrep.Documents;

namespace Sitrep.Fusion;

/// <summary>
/// A document body's copy fingerprint: SHA-256 of the normalised text (exact copies) and a MinHash signature over
/// word 3-shingles (syndicated copies with a changed credit line or an added paragraph).
/// </summary>
public sealed record TextFingerprint(string Sha256, uint[] MinHash)
{
    public const int Permutations = 64;
    /// <summary>Estimated shingle Jaccard from which two bodies count as one text: rewrites of one story share far less.</summary>
    public const double CopyThreshold = 0.5;

    private static readonly ulong[] Seeds = CreateSeeds();

    public static TextFingerprint Of(Document document)
    {
        var body = document.Body.IsDefaultOrEmpty
            ? document.Text
            : string.Join("\n", document.Body.Select(document.Slice));
        return Of(body);
    }

    public static TextFingerprint Of(string text)
    {
        var words = Words(text);
        var normalised = string.Join(' ', words);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
        var signature = new uint[Permutations];
        Array.Fill(signature, uint.MaxValue);
        var hashes = new ulong[words.Count];
        for (var i = 0; i < words.Count; i++) hashes[i] = Fnv(words[i]);
        var shingles = Math.Max(1, words.Count - 2);
        for (var i = 0; i < shingles && words.Count > 0; i++)
        {
            var h = hashes[i];
            if (i + 1 < words.Count) h = h * 31 + hashes[i + 1];
            if (i + 2 < words.Count) h = h * 31 + hashes[i + 2];
            for (var p = 0; p < Permutations; p++)
            {
                var v = (uint)(Mix(h ^ Seeds[p]) >> 32);
                if (v < signature[p]) signature[p] = v;
            }
        }
        return new TextFingerprint(sha, signature);
    }

    /// <summary>Estimated Jaccard similarity of the two shingle sets (1 for identical normalised texts).</summary>
    public double Similarity(TextFingerprint other)
    {
        if (Sha256 == other.Sha256) return 1;
        if (MinHash.Length != other.MinHash.Length || MinHash.Length == 0) return 0;
        var same = 0;
        for (var i = 0; i < MinHash.Length; i++) if (MinHash[i] == other.MinHash[i]) same++;
        return same / (double)MinHash.Length;
    }

    public bool IsCopyOf(TextFingerprint other) => Similarity(other) >= CopyThreshold;

    public byte[] MinHashBytes()
    {
        var bytes = new byte[MinHash.Length * 4];
        Buffer.BlockCopy(MinHash, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    public static TextFingerprint FromStored(string sha256, byte[] minHash)
    {
        var signature = new uint[minHash.Length / 4];
        Buffer.BlockCopy(minHash, 0, signature, 0, signature.Length * 4);
        return new TextFingerprint(sha256, signature);
    }

    /// <summary>Lower-cased letter/digit runs: punctuation, case and spacing changes do not make a new text.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>(text.Length / 6);
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0) { words.Add(sb.ToString()); sb.Clear(); }
        }
        if (sb.Length > 0) words.Add(sb.ToString());
        return words;
    }

    private static ulong Fnv(string s)
    {
        var h = 14695981039346656037UL;
        foreach (var c in s) { h ^= c; h *= 1099511628211UL; }
        return h;
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong[] CreateSeeds()
    {
        var seeds = new ulong[Permutations];
        var s = 0x5171E9UL;
        for (var i = 0; i < seeds.Length; i++) { s = Mix(s); seeds[i] = s; }
        return seeds;
    }
}
