namespace Sitrep.Evaluation;

/// <summary>
/// One-to-one assignment between gold (rows) and predicted (columns) items where only some pairs
/// may match. It first maximises the number of matched pairs, then the total pair score
/// (Hungarian algorithm, O(n³) on the padded square matrix).
/// </summary>
public static class OptimalAssignment
{
    /// <param name="scores">Pair scores, at least 0; <c>null</c> marks a pair that may not match.</param>
    /// <returns>The matched (row, column) pairs, ordered by row.</returns>
    public static IReadOnlyList<(int Row, int Column)> Maximise(double?[,] scores)
    {
        int rows = scores.GetLength(0), cols = scores.GetLength(1);
        if (rows == 0 || cols == 0) return [];
        var maxScore = 0.0;
        var any = false;
        foreach (var s in scores)
            if (s is { } v) { maxScore = Math.Max(maxScore, v); any = true; }
        if (!any) return [];
        var n = Math.Max(rows, cols);
        // One more pair is worth more than any possible total score gain, so the match count comes first.
        var pairBonus = maxScore * n + 1;
        var cost = new double[n + 1, n + 1];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < cols; j++)
                if (scores[i, j] is { } v) cost[i + 1, j + 1] = -(pairBonus + v);
        var columnOf = Solve(cost, n);
        var pairs = new List<(int, int)>();
        for (var i = 0; i < rows; i++)
        {
            var j = columnOf[i];
            if (j < cols && scores[i, j] is not null) pairs.Add((i, j));
        }
        return pairs;
    }

    /// <summary>Minimum-cost perfect assignment on a 1-based square matrix; returns the 0-based column of each 0-based row.</summary>
    private static int[] Solve(double[,] a, int n)
    {
        var u = new double[n + 1];
        var v = new double[n + 1];
        var p = new int[n + 1];   // p[j]: row assigned to column j
        var way = new int[n + 1];
        for (var i = 1; i <= n; i++)
        {
            p[0] = i;
            var j0 = 0;
            var minv = new double[n + 1];
            var used = new bool[n + 1];
            Array.Fill(minv, double.PositiveInfinity);
            do
            {
                used[j0] = true;
                int i0 = p[j0], j1 = 0;
                var delta = double.PositiveInfinity;
                for (var j = 1; j <= n; j++)
                {
                    if (used[j]) continue;
                    var cur = a[i0, j] - u[i0] - v[j];
                    if (cur < minv[j]) { minv[j] = cur; way[j] = j0; }
                    if (minv[j] < delta) { delta = minv[j]; j1 = j; }
                }
                for (var j = 0; j <= n; j++)
                {
                    if (used[j]) { u[p[j]] += delta; v[j] -= delta; }
                    else minv[j] -= delta;
                }
                j0 = j1;
            } while (p[j0] != 0);
            do
            {
                var j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        var columnOf = new int[n];
        for (var j = 1; j <= n; j++) columnOf[p[j] - 1] = j - 1;
        return columnOf;
    }
}
