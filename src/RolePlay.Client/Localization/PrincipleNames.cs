namespace RolePlay.Client.Localization;

/// <summary>
/// The principles' names as the server's rubric (<c>principles.yaml</c>) gives them, looked up by id in the UI's language.
/// They come with the data a page loads (a snapshot, a review); the page cascades them to whatever shows a principle.
/// A principle nothing names shows its id.
/// </summary>
public sealed class PrincipleNames
{
    private readonly Dictionary<string, PrincipleInfo> _byId = new(StringComparer.Ordinal);

    /// <summary>Names for <paramref name="principles"/> (none when null).</summary>
    public PrincipleNames(IEnumerable<PrincipleInfo>? principles)
    {
        foreach (var p in principles ?? [])
        {
            _byId.TryAdd(p.Id, p);
        }
    }

    /// <summary>No names: every principle shows its id.</summary>
    public static PrincipleNames None { get; } = new(null);

    /// <summary>The principle's name, in <paramref name="text"/>'s language.</summary>
    public string Name(string id, UiText text) => _byId.TryGetValue(id, out var p) ? text.In(p.Name) : id;

    /// <summary>The principle's short label for chips and chart axes, in <paramref name="text"/>'s language.</summary>
    public string Short(string id, UiText text) => _byId.TryGetValue(id, out var p) ? text.In(p.ShortName) : id;
}
