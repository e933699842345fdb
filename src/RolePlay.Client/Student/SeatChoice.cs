namespace RolePlay.Client.Student;

/// <summary>A seat picked on the join page: a group and a role id (or <c>observer</c>).</summary>
public sealed record SeatChoice(string GroupId, string Role)
{
    /// <summary>
    /// The role to ask for when the student lets the server place them: the first free role of the first group that has one,
    /// so groups fill one after another (the server, given no group, seats them in the first group where that role is free).
    /// Observer when every seat is taken.
    /// </summary>
    public static string AnywhereFreeRole(JoinInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        foreach (var group in info.Groups)
        {
            var free = info.Roles.FirstOrDefault(r => group.Seats.All(s => s.Role != r.Id));
            if (free is not null)
            {
                return free.Id;
            }
        }

        return RoleIds.Observer;
    }
}
