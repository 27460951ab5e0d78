using Sitrep.Evaluation;

namespace Sitrep.Tests.Evaluation;

public class OptimalAssignmentTests
{
    [Fact]
    public void MorePairsBeatAHigherScore()
    {
        // Row 0 fits column 0 best, but only row 0 can take column 1.
        double?[,] scores = { { 2.5, 0.1 }, { 0.2, null } };

        var pairs = OptimalAssignment.Maximise(scores);

        Assert.Equal([(0, 1), (1, 0)], pairs);
    }

    [Fact]
    public void ForbiddenPairsAreNeverMatched()
    {
        double?[,] scores = { { null, null }, { null, 1.0 }, { null, null } };

        Assert.Equal([(1, 1)], OptimalAssignment.Maximise(scores));
    }

    [Fact]
    public void MatchesBruteForceOnRandomMatrices()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 300; trial++)
        {
            int rows = random.Next(0, 6), cols = random.Next(0, 6);
            var scores = new double?[rows, cols];
            for (var i = 0; i < rows; i++)
                for (var j = 0; j < cols; j++)
                    scores[i, j] = random.NextDouble() < 0.4 ? null : Math.Round(random.NextDouble() * 3, 2);

            var pairs = OptimalAssignment.Maximise(scores);
            var (bestCount, bestScore) = BruteForce(scores, 0, new bool[cols]);

            Assert.Equal(pairs.Distinct().Count(), pairs.Select(p => p.Column).Distinct().Count());
            Assert.Equal(bestCount, pairs.Count);
            Assert.Equal(bestScore, pairs.Sum(p => scores[p.Row, p.Column]!.Value), 9);
        }
    }

    private static (int Count, double Score) BruteForce(double?[,] s, int row, bool[] used)
    {
        if (row == s.GetLength(0)) return (0, 0);
        var best = BruteForce(s, row + 1, used);
        for (var j = 0; j < s.GetLength(1); j++)
        {
            if (used[j] || s[row, j] is not { } v) continue;
            used[j] = true;
            var (c, t) = BruteForce(s, row + 1, used);
            used[j] = false;
            if (c + 1 > best.Count || (c + 1 == best.Count && t + v > best.Score + 1e-12)) best = (c + 1, t + v);
        }
        return best;
    }
}
