using RolePlay.Contracts;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using RolePlay.Core.Engine;
using RolePlay.Core.Scenarios;
using RolePlay.Core.Yaml;
using RolePlay.Server.Persistence;
using RolePlay.Server.Sessions;
using RolePlay.Server.Localization;

namespace RolePlay.Server.Api;

/// <summary>Scenario upload (validated, stored, added to the library) and the stage graph.</summary>
internal static class ScenarioEndpoints
{
    public static void Map(RouteGroupBuilder instructor)
    {
        instructor.MapPost("/scenarios", UploadAsync);
        instructor.MapGet("/scenarios/{id}/graph", (string id, string? format, ScenarioLibrary library) =>
        {
            var entry = library.Find(id) ?? throw new Refusal(RefusalCode.ScenarioNotFound, ServerText.NoScenarioHere(id));

            var machine = new StageMachine(entry.Scenario);
            return format == "dot" ? Results.Text(machine.ToDot(), "text/vnd.graphviz") : Results.Text(machine.ToMermaid(), "text/plain; charset=utf-8");
        });
    }

    /// <summary>Loads every uploaded scenario into the library (at start-up, before sessions are restored).</summary>
    public static async Task RestoreUploadsAsync(IDbContextFactory<RolePlayDb> dbFactory, ScenarioLibrary library, ILogger logger)
    {
        await using var db = await dbFactory.CreateDbContextAsync().ConfigureAwait(false);
        foreach (var upload in await db.ScenarioUploads.AsNoTracking().ToListAsync().ConfigureAwait(false))
        {
            var result = ScenarioLoader.Load(upload.Text, upload.FileName);
            if (result.Scenario is null || !library.TryAdd(result.Scenario))
            {
                logger.LogWarning("Uploaded scenario {File} no longer loads: {Errors}", upload.FileName, string.Join("; ", result.Errors));
            }
        }
    }

    // The body is the YAML file itself; ?fileName= names it in errors.
    private static async Task<ScenarioSummary> UploadAsync(HttpRequest request, string? fileName, ScenarioLibrary library, IDbContextFactory<RolePlayDb> dbFactory)
    {
        fileName = Path.GetFileName(string.IsNullOrWhiteSpace(fileName) ? "upload.yaml" : fileName);
        var limit = YamlLimits.Default.MaxBytes;
        if (request.ContentLength > limit)
        {
            throw TooLarge(fileName, limit); // refused before reading a byte of it
        }

        // A body without a length (chunked) is cut off by the server just past the limit, too.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit + 1;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit)
                {
                    // Stop reading: a hostile upload must not fill the server's memory.
                    throw TooLarge(fileName, limit);
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(fileName, limit);
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.ToArray());
        }
        catch (DecoderFallbackException)
        {
            throw Invalid([$"{fileName}:1:1: file is not UTF-8 text (is it binary?)"]);
        }

        var result = ScenarioLoader.Load(text, fileName);
        if (result.Scenario is not { } scenario)
        {
            throw Invalid([.. result.Errors.Select(e => e.ToString())]);
        }

        if (library.Find(scenario.Id) is not null)
        {
            throw new Refusal(RefusalCode.ScenarioIdTaken, ServerText.ScenarioIdTaken(fileName, scenario.Id));
        }

        await using (var db = await dbFactory.CreateDbContextAsync().ConfigureAwait(false))
        {
            db.ScenarioUploads.Add(new ScenarioUploadRow { ScenarioId = scenario.Id, FileName = fileName, Text = text, UploadedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync().ConfigureAwait(false);
        }

        library.TryAdd(scenario);
        return ApiEndpoints.Summary(scenario);
    }

    /// <summary>413 with the same file:line:col error the other upload problems have.</summary>
    private static Refusal TooLarge(string fileName, long limit) => new(
        RefusalCode.ScenarioTooLarge,
        ServerText.ScenarioTooLarge(limit),
        [$"{fileName}:1:1: file is too large (more than {limit:N0} bytes, the most a scenario may be)"]);

    // The errors stay in English: they are the same file:line:col diagnostics the CLI's validate prints.
    private static Refusal Invalid(IReadOnlyList<string> errors) => new(RefusalCode.ScenarioInvalid, ServerText.ScenarioNotAdded, errors);
}
