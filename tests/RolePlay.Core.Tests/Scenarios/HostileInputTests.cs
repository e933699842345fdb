using System.Text;
using RolePlay.Core.Scenarios;

namespace RolePlay.Core.Tests.Scenarios;

public class HostileInputTests
{
    [Fact]
    public void Alias_bomb_is_refused_before_it_expands()
    {
        var sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 1; i < 10; i++)
        {
            var prev = (char)('a' + i - 1);
            var name = (char)('a' + i);
            sb.Append(name).Append(": &").Append(name).Append(" [")
              .Append(string.Join(",", Enumerable.Repeat("*" + prev, 9))).Append("]\n");
        }

        var error = Assert.Single(ScenarioLoader.Load(sb.ToString(), "bomb.yaml").Errors);

        Assert.Contains("alias", error.Message);
        Assert.True(sb.Length < 1000);
    }

    [Fact]
    public void Deeply_nested_document_is_refused_with_the_limit_named()
    {
        var text = new string('[', 5000) + new string(']', 5000);

        var error = Assert.Single(ScenarioLoader.Load(text, "deep.yaml").Errors);

        Assert.Contains("nesting is deeper than", error.Message);
    }

    [Fact]
    public void Huge_file_is_refused_without_being_parsed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"huge-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(path, "notes: |\n" + string.Concat(Enumerable.Repeat("  " + new string('x', 1000) + "\n", 20_000)));

            var error = Assert.Single(ScenarioLoader.LoadFile(path).Errors);

            Assert.Contains("file is too large", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Binary_garbage_is_refused_as_not_text()
    {
        var path = Path.Combine(Path.GetTempPath(), $"garbage-{Guid.NewGuid():N}.yaml");
        try
        {
            var bytes = new byte[4096];
            new Random(7).NextBytes(bytes);
            File.WriteAllBytes(path, bytes);

            var error = Assert.Single(ScenarioLoader.LoadFile(path).Errors);

            Assert.Matches("not UTF-8|binary|NUL", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Text_with_a_nul_byte_is_refused()
    {
        var error = Assert.Single(ScenarioLoader.Load("id: x\n\0\0", "nul.yaml").Errors);

        Assert.Contains("NUL", error.Message);
        Assert.Equal(2, error.Mark.Line);
    }

    [Theory]
    [InlineData("")]
    [InlineData("just a string")]
    [InlineData("- a\n- b")]
    [InlineData("---\nid: a\n---\nid: b\n")]
    public void Documents_of_the_wrong_shape_get_one_clear_error(string text)
    {
        var errors = ScenarioLoader.Load(text, "odd.yaml").Errors;

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.StartsWith("odd.yaml:", e.ToString()));
    }
}
