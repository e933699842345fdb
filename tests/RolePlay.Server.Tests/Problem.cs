using System.Net.Http.Json;

namespace RolePlay.Server.Tests;

/// <summary>The parts of a refusal's problem document the tests read: the code for programs, the detail for people.</summary>
public sealed record Problem(int Status, RefusalCode? Code, string? Detail, IReadOnlyList<string>? Errors)
{
    public static async Task<Problem> ReadAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<Problem>())!;
}
