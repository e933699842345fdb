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
        // The server answers refusals in the UI language: HTTP calls say it in Accept-Language, hub connections in ?lang=.
        services.AddScoped(sp =>
        {
            var language = sp.GetRequiredService<UiLanguage>();
            return new HttpClient(new AcceptLanguageHandler(() => language.Text.Locale) { InnerHandler = new HttpClientHandler() }) { BaseAddress = baseAddress };
        });
        services.AddScoped<RolePlayApi>();
        services.AddScoped<UiLanguage>();
        services.AddScoped<IRolePlayConnectionFactory>(sp =>
        {
            var language = sp.GetRequiredService<UiLanguage>();
            return new HubRolePlayConnectionFactory(new Uri(baseAddress, "hubs/roleplay"), () => language.Text.Locale);
        });
        return services;
    }
}
