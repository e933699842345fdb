using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace RolePlay.Server.Auth;

/// <summary>The instructor key: from configuration, or generated once and kept in the data folder.</summary>
public sealed class InstructorKey
{
    /// <summary>The header HTTP clients send the key in.</summary>
    public const string HeaderName = "X-Instructor-Key";

    /// <summary>The role the login cookie carries.</summary>
    public const string Role = "instructor";

    private readonly byte[] _keyBytes;

    /// <summary>Reads or creates the key.</summary>
    public InstructorKey(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.InstructorKey))
        {
            Value = options.InstructorKey.Trim();
        }
        else
        {
            var path = Path.Combine(options.DataDir, "instructor.key");
            if (File.Exists(path))
            {
                Value = File.ReadAllText(path).Trim();
            }
            else
            {
                Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'x').Replace('/', 'y');
                File.WriteAllText(path, Value);
                Generated = true;
            }
        }

        _keyBytes = Encoding.UTF8.GetBytes(Value);
    }

    /// <summary>The key.</summary>
    public string Value { get; }

    /// <summary>True when the key was generated on this start.</summary>
    public bool Generated { get; }

    /// <summary>True when <paramref name="candidate"/> is the key (compared in constant time).</summary>
    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _keyBytes);

    /// <summary>
    /// True when the request carries the key in the header or the instructor login cookie. The <c>access_token</c>
    /// query is accepted on the hub's paths only (negotiate and the WebSocket, which a browser cannot give headers):
    /// anywhere else a key in a URL would end up in browser history, proxies and logs.
    /// </summary>
    public bool IsInstructor(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return Matches(http.Request.Headers[HeaderName].FirstOrDefault())
            || http.User.IsInRole(Role)
            || (http.Request.Path.StartsWithSegments("/hubs") && Matches(http.Request.Query["access_token"].FirstOrDefault()));
    }

    /// <summary>The principal the login cookie holds.</summary>
    public static ClaimsPrincipal Principal() =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Role, Role), new Claim(ClaimTypes.Name, Role)], "cookie"));
}
