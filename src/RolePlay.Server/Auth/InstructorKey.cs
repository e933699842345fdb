using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace RolePlay.Server.Auth;

/// <summary>The instructor key: from configuration, or generated once and kept in the data folder.</summary>
public sealed class InstructorKey
{
    /// <summary>The header HTTP clients send the key in.</summary>
    public const string HeaderName = "X-Instructor-Key";

    /// <summary>The role the instructor's principal carries (<see cref="InstructorAuth.Policy"/> requires it).</summary>
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

    /// <summary>The instructor's principal, as the key handler issues it and the login cookie holds it.</summary>
    public static ClaimsPrincipal Principal(string authenticationType) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Role, Role), new Claim(ClaimTypes.Name, Role)], authenticationType));
}
