namespace RolePlay.Core.Localization;

/// <summary>A sentence a person reads, in English and simplified Chinese; whoever shows it picks the reader's language.</summary>
/// <param name="English">The English text; also what logs and the command line show.</param>
/// <param name="Chinese">The simplified Chinese text.</param>
public sealed record LocalizedText(string English, string Chinese)
{
    /// <summary>One text shown in either language: what a scenario author wrote once, in the scenario's own language.</summary>
    public static LocalizedText Both(string text) => new(text, text);

    /// <summary>The text in Chinese when <paramref name="chinese"/> is true, else in English.</summary>
    public string In(bool chinese) => chinese ? Chinese : English;

    /// <inheritdoc />
    public override string ToString() => English;
}
