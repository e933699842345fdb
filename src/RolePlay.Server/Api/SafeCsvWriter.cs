using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;

namespace RolePlay.Server.Api;

/// <summary>
/// The one CSV writer of every export. What students typed (and scenario text) can start with <c>= + - @</c>, a tab or a
/// carriage return, which a spreadsheet would run as a formula (<c>=HYPERLINK(…)</c>, <c>+cmd|…</c>, <c>@SUM(…)</c>):
/// CsvHelper's injection protection escapes such a cell with a leading apostrophe so it opens as text. A plain number
/// (a verdict of -1) cannot be a formula and is written as it is, so the columns stay numeric.
/// </summary>
internal sealed partial class SafeCsvWriter(TextWriter writer) : CsvWriter(writer, Options)
{
    private static readonly CsvConfiguration Options = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = ['=', '@', '+', '-', '\t', '\r'],
        InjectionEscapeCharacter = '\'',
    };

    /// <inheritdoc />
    protected override string? SanitizeForInjection(string? field) =>
        field is not null && PlainNumber().IsMatch(field) ? field : base.SanitizeForInjection(field);

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
