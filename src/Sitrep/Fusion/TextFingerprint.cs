using System.Runtime.Intrinsics;
using System.Buffers;
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
        // The normalised text (lower-cased letter/digit runs joined by single spaces) and each word's hash, in one pass.
        var rented = ArrayPool<char>.Shared.Rent(Math.Max(16, text.Length));
        var hashes = ArrayPool<ulong>.Shared.Rent(Math.Max(16, text.Length / 2 + 1));
        try
        {
            var length = 0;
            var count = 0;
            var h = FnvOffset;
            var inWord = false;
            foreach (var c in text)
            {
                if (char.IsLetterOrDigit(c))
                {
                    if (!inWord && count > 0) rented[length++] = ' ';
                    var lower = char.ToLowerInvariant(c);
                    rented[length++] = lower;
                    h = (h ^ lower) * FnvPrime;
                    inWord = true;
                }
                else if (inWord)
                {
                    hashes[count++] = h;
                    h = FnvOffset;
                    inWord = false;
                }
            }
            if (inWord) hashes[count++] = h;
            var normalised = rented.AsSpan(0, length);
            Span<byte> digest = stackalloc byte[32];
            var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(length));
            try { SHA256.HashData(utf8.AsSpan(0, Encoding.UTF8.GetBytes(normalised, utf8)), digest); }
            finally { ArrayPool<byte>.Shared.Return(utf8); }
            return new TextFingerprint(Convert.ToHexStringLower(digest), Signature(hashes.AsSpan(0, count)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
            ArrayPool<ulong>.Shared.Return(hashes);
        }
    }

    /// <summary>The MinHash signature of the word 3-shingles (a shorter text: its one shingle of all words).</summary>
    private static uint[] Signature(ReadOnlySpan<ulong> hashes)
    {
        Span<ulong> min = stackalloc ulong[Permutations];
        min.Fill(ulong.MaxValue);
        var shingles = Math.Max(1, hashes.Length - 2);
        for (var i = 0; i < shingles && hashes.Length > 0; i++)
        {
            var h = hashes[i];
            if (i + 1 < hashes.Length) h = h * 31 + hashes[i + 1];
            if (i + 2 < hashes.Length) h = h * 31 + hashes[i + 2];
            // the high half of the smallest mixed value is the smallest high half: keep full minima, halve at the end
            var p = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var hv = Vector256.Create(h);
                for (; p + Vector256<ulong>.Count <= Permutations; p += Vector256<ulong>.Count)
                {
                    var z = Mix(hv ^ Vector256.Create(Seeds.AsSpan(p, Vector256<ulong>.Count)));
                    var current = Vector256.Create(min.Slice(p, Vector256<ulong>.Count));
                    Vector256.Min(z, current).CopyTo(min.Slice(p, Vector256<ulong>.Count));
                }
            }
            for (; p < Permutations; p++)
            {
                var v = Mix(h ^ Seeds[p]);
                if (v < min[p]) min[p] = v;
            }
        }
        var signature = new uint[Permutations];
        for (var p = 0; p < Permutations; p++) signature[p] = (uint)(min[p] >> 32);
        return signature;
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

    private const ulong FnvOffset = 14695981039346656037UL, FnvPrime = 1099511628211UL;

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static Vector256<ulong> Mix(Vector256<ulong> z)
    {
        z += Vector256.Create(0x9E3779B97F4A7C15UL);
        z = (z ^ (z >>> 30)) * Vector256.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ (z >>> 27)) * Vector256.Create(0x94D049BB133111EBUL);
        return z ^ (z >>> 31);
    }

    private static ulong[] CreateSeeds()
    {
        var seeds = new ulong[Permutations];
        var s = 0x5171E9UL;
        for (var i = 0; i < seeds.Length; i++) { s = Mix(s); seeds[i] = s; }
        return seeds;
    }
}
