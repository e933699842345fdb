using System.Net;
using System.Text.Json;

namespace RolePlay.Client.Api;

/// <summary>A refused API call: the server's <c>detail</c> and, for a broken scenario upload, every <c>file:line:col</c> error.</summary>
public sealed class ApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ApiException(HttpStatusCode status, string message, IReadOnlyList<string> errors)
        : base(message)
    {
        Status = status;
        Errors = errors;
    }

    /// <summary>Creates the exception with no detail.</summary>
    public ApiException()
        : this(HttpStatusCode.InternalServerError, "The server refused the request.", [])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ApiException(string message)
        : this(HttpStatusCode.InternalServerError, message, [])
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>Per-line errors, when the server sent them.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>Reads a problem document; falls back to the status when the body is not one.</summary>
    public static ApiException From(HttpStatusCode status, string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            var detail = root.TryGetProperty("detail", out var d) ? d.GetString() : null;
            var errors = root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Array
                ? e.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToList()
                : [];
            return new ApiException(status, detail ?? $"The server answered {(int)status}.", errors);
        }
        catch (JsonException)
        {
            return new ApiException(status, $"The server answered {(int)status}.", []);
        }
    }
}
