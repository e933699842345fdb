using RolePlay.Core.Yaml;

namespace RolePlay.Core.Scenarios;

/// <summary>One problem in a scenario or rubric file, printed as <c>file:line:col: message</c>.</summary>
public sealed record ScenarioError(string File, SourceMark Mark, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        Mark == SourceMark.None ? $"{File}:1:1: {Message}" : $"{File}:{Mark.Line}:{Mark.Column}: {Message}";
}

/// <summary>Thrown when a scenario or rubric that must be valid is not; carries every problem found.</summary>
public sealed class ScenarioLoadException(IReadOnlyList<ScenarioError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    /// <summary>Every problem, in file order.</summary>
    public IReadOnlyList<ScenarioError> Errors { get; } = errors;
}

/// <summary>Collects problems while a file is read, so an author sees them all at once.</summary>
internal sealed class Diagnostics(string file)
{
    private readonly List<ScenarioError> _errors = [];

    public string File { get; } = file;

    public IReadOnlyList<ScenarioError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public void Add(SourceMark mark, string message) => _errors.Add(new ScenarioError(File, mark, message));

    public IReadOnlyList<ScenarioError> Sorted() =>
        [.. _errors.OrderBy(e => e.Mark.Line).ThenBy(e => e.Mark.Column)];
}
