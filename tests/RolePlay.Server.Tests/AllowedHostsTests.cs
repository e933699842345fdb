using System.Net;

namespace RolePlay.Server.Tests;

/// <summary>With a public address set, the server answers only to it and to this machine: a rebinding name is refused.</summary>
public sealed class AllowedHostsTests
{
    [Fact]
    public async Task A_request_for_a_rebinding_name_is_refused_when_the_public_url_is_set()
    {
        await using var server = await ServerProcess.StartAsync(environment: new Dictionary<string, string>
        {
            ["RolePlay__PublicUrl"] = "http://classroom.example:5080",
        });

        Assert.Equal(HttpStatusCode.BadRequest, (await Get(server, "rebind.attacker.example")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Get(server, "classroom.example:5080")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Get(server, server.Url.Authority)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Get(server, "localhost:" + server.Url.Port)).StatusCode);
    }

    [Fact]
    public async Task Allowed_hosts_can_be_set_explicitly()
    {
        await using var server = await ServerProcess.StartAsync(environment: new Dictionary<string, string>
        {
            ["AllowedHosts"] = "roleplay.school.example;127.0.0.1",
        });

        Assert.Equal(HttpStatusCode.BadRequest, (await Get(server, "localhost:" + server.Url.Port)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Get(server, "roleplay.school.example")).StatusCode);
    }

    private static async Task<HttpResponseMessage> Get(ServerProcess server, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = host;
        return await server.Http.SendAsync(request);
    }
}
