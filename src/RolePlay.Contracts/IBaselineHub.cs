namespace RolePlay.Contracts;

/// <summary>
/// The load tool's floor at <c>/hubs/baseline</c> (instructor key only): a hub that only broadcasts a line to its
/// group — no engine, no database — so RolePlay's figures can be read as a ratio to what SignalR itself costs.
/// </summary>
public interface IBaselineHub
{
    /// <summary>Joins a broadcast group.</summary>
    Task Join(string group);

    /// <summary>Broadcasts a line to the group with the next <c>seq</c>, as the real hub does, and answers with that seq.</summary>
    Task<int> Say(string group, string text);
}

/// <summary>The one event of the baseline hub.</summary>
public interface IBaselineClient
{
    /// <summary>A line broadcast to the group.</summary>
    Task Turn(BaselineTurn turn);
}

/// <summary>The baseline hub's Turn event: a group's line with its seq.</summary>
public sealed record BaselineTurn(string GroupId, int Seq, string Text);
