using System.Globalization;
using RolePlay.Core.Transcripts;

namespace RolePlay.Client.Review;

/// <summary>Small formatting and lookup rules the review components share.</summary>
public static class ReviewFormat
{
    /// <summary>The five principles in display order (the contract's ids).</summary>
    public static IReadOnlyList<string> PrincipleIds { get; } = RolePlay.Core.Scoring.Principles.Ids;

    /// <summary>A verdict or total with its sign: "+2", "0", "−1" (a true minus sign, readable on a projector).</summary>
    public static string Signed(int value) => value switch
    {
        > 0 => "+" + value.ToString(CultureInfo.InvariantCulture),
        < 0 => "\u2212" + (-(long)value).ToString(CultureInfo.InvariantCulture),
        _ => "0",
    };

    /// <summary>Play time as m:ss (minutes keep counting past 59, as a class never runs for hours).</summary>
    public static string Clock(long atMs)
    {
        var seconds = Math.Max(0, atMs) / 1000;
        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:00}:{seconds % 60:00}");
    }

    /// <summary>A reply latency in seconds with one decimal.</summary>
    public static string Seconds(long ms) => (ms / 1000.0).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A server time (UTC, whether or not the JSON said so) in this browser's local time.</summary>
    public static string LocalTime(DateTime utc)
    {
        var local = utc.Kind switch
        {
            DateTimeKind.Local => utc,
            _ => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToLocalTime(),
        };
        return local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>The CSS class of a verdict chip.</summary>
    public static string ChipClass(int verdict) => verdict switch
    {
        > 0 => "up",
        < 0 => "down",
        _ => "zero",
    };

    /// <summary>The latest override of (seq, principle), or null.</summary>
    public static OverrideView? OverrideFor(IReadOnlyList<OverrideView> overrides, int seq, string principle)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        OverrideView? latest = null;
        foreach (var o in overrides)
        {
            if (o.Seq == seq && o.Principle == principle && (latest is null || o.CreatedUtc >= latest.CreatedUtc))
            {
                latest = o;
            }
        }

        return latest;
    }

    /// <summary>True for a turn the engine scored (a staff line or action).</summary>
    public static bool IsStaffTurn(TranscriptTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Verdicts is not null;
    }
}
