using RolePlay.Cli.Load;
using RolePlay.Contracts;

namespace RolePlay.Core.Tests.Cli;

/// <summary>The load tool reads hub messages through a lean view; the view must stay true to the contract.</summary>
public sealed class LoadContractTests
{
    [Theory]
    [InlineData(typeof(TurnMessage))]
    [InlineData(typeof(BaselineTurn))]
    public void The_load_tools_view_of_a_turn_reads_only_fields_the_contract_has_with_their_types(Type message)
    {
        var fields = message.GetProperties().ToDictionary(p => p.Name, p => p.PropertyType);
        foreach (var seen in typeof(TurnSeen).GetProperties().Where(p => p.Name != "EqualityContract"))
        {
            // The baseline's turn says nothing about whose move is next; the view reads null there.
            if (message == typeof(BaselineTurn) && seen.Name == nameof(TurnSeen.Expecting))
            {
                continue;
            }

            Assert.True(fields.TryGetValue(seen.Name, out var type), $"{message.Name} has no {seen.Name}");
            Assert.Equal(type, seen.PropertyType);
        }
    }
}
