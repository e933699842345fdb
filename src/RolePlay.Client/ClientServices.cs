using Microsoft.Extensions.DependencyInjection;
using RolePlay.Client.Api;
using RolePlay.Client.Live;
using RolePlay.Client.Localization;

namespace RolePlay.Client;

/// <summary>Registers what the RolePlay pages need.</summary>
public static class ClientServices
{
    /// <summary>Adds the HTTP API client, the hub connection factory and the UI language for a server at <paramref name="baseAddress"/>.</summary>
    public static IServiceCollection AddRolePlayClient(this IServiceCollection services, Uri baseAddress)
    {
        services.AddScoped(_ => new HttpClient { BaseAddress = baseAddress });
        services.AddScoped<RolePlayApi>();
        services.AddScoped<UiLanguage>();
        services.AddScoped<IRolePlayConnectionFactory>(_ => new HubRolePlayConnectionFactory(new Uri(baseAddress, "hubs/roleplay")));
        return services;
    }
}
