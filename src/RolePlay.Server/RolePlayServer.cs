using Microsoft.AspNetCore.Authentication.Cookies;
using RolePlay.Contracts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using RolePlay.Server.Api;
using RolePlay.Server.Auth;
using RolePlay.Server.Hubs;
using RolePlay.Server.Persistence;
using RolePlay.Server.Sessions;

namespace RolePlay.Server;

/// <summary>Builds the RolePlay web application: hub, API, persistence and auth.</summary>
public static class RolePlayServer
{
    /// <summary>The hub's path.</summary>
    public const string HubPath = "/hubs/roleplay";

    /// <summary>The load tool's bare broadcast hub.</summary>
    public const string BaselineHubPath = "/hubs/baseline";

    // A reply of 2,000 text elements fits even as escaped JSON (an emoji is 12 bytes as \uXXXX\uXXXX).
    private const int MaxHubMessageBytes = 32 * 1024;

    /// <summary>Builds the app from command-line arguments and configuration.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        // Serve the client's and the framework's static files from a build output in every environment, not only in
        // Development (a no-op for a published app, whose files are already under wwwroot).
        builder.WebHost.UseStaticWebAssets();
        var options = builder.Configuration.GetSection("RolePlay").Get<ServerOptions>() ?? new ServerOptions();
        options.DataDir = Path.GetFullPath(options.DataDir, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(options.DataDir);
        var scenarios = ScenarioLibrary.Locate(options.ScenariosDir, builder.Environment.ContentRootPath);

        builder.Services.AddSingleton(options);
        RestrictHostsToPublicUrl(builder, options);
        builder.Services.AddSingleton(new ScenarioLibrary(scenarios));
        builder.Services.AddSingleton<InstructorKey>();
        builder.Services.AddSingleton<SessionService>();
        builder.Services.AddSingleton<FeedbackService>();
        builder.Services.AddSingleton<ConnectionCounter>();
        builder.Services.AddSingleton<TurnWriter>();
        builder.Services.AddSingleton<ITurnLog, TurnLog>();
        builder.Services.AddSingleton<Broadcaster>();
        builder.Services.AddSingleton<IGroupNotifier, GroupNotifier>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<ClockService>();
        AddDatabase(builder, options);

        InstructorAuth.Add(builder.Services);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<RefusalProblems>();
        builder.Services.AddOpenApi();
        Security.RateLimits.Add(builder.Services, options);
        var signalR = builder.Services.AddSignalR(hub =>
        {
            hub.MaximumReceiveMessageSize = MaxHubMessageBytes;
            // Exception details (types, messages) only for a developer: elsewhere a caller sees refusals, never internals.
            hub.EnableDetailedErrors = builder.Environment.IsDevelopment();
            hub.AddFilter<LocalizingHubFilter>(); // first, so it wraps the rate limiter too
            hub.AddFilter<HubRateLimitFilter>();
            hub.AddFilter<InstructorOnlyFilter>(); // inside the localizing filter, so its refusal is translated and counted
        });
        Cluster.ClusterSetup.Add(builder, signalR, options);
        builder.Services.AddSingleton<LocalizingHubFilter>();
        builder.Services.AddSingleton<RefusalLog>();
        builder.Logging.AddFilter(RefusalLog.DispatcherCategory, level => level is LogLevel.Warning or LogLevel.Critical);

        // The hosting layer's request lines carry the whole URL, and a hub URL carries the instructor key as
        // ?access_token= (a browser's WebSocket cannot send headers): they are never written, whatever the configured
        // level, so the key never reaches a log.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", level => level >= LogLevel.Warning);
        builder.Services.AddSingleton<HubRateLimitFilter>();
        builder.Services.AddRazorComponents().AddInteractiveWebAssemblyComponents();

        var app = builder.Build();
        using (var scope = app.Services.CreateScope())
        {
            using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<RolePlayDb>>().CreateDbContext();
            DatabaseUpgrade.Run(db, app.Logger);
        }

        ScenarioEndpoints.RestoreUploadsAsync(
            app.Services.GetRequiredService<IDbContextFactory<RolePlayDb>>(), app.Services.GetRequiredService<ScenarioLibrary>(), app.Logger).GetAwaiter().GetResult();
        app.Services.GetRequiredService<SessionService>().RestoreAsync().GetAwaiter().GetResult();
        var key = app.Services.GetRequiredService<InstructorKey>();
        app.Lifetime.ApplicationStarted.Register(() =>
            app.Logger.LogWarning("RolePlay is running. Instructor key: {Key}{Note}", key.Value, key.Generated ? " (generated and kept in the data folder)" : string.Empty));

        app.UseMiddleware<Security.SecurityHeaders>(); // first, so every response carries the headers, errors included
        app.UseExceptionHandler();
        app.UseMiddleware<HubOriginCheck>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRolePlayApi();
        app.MapOpenApi(); // the HTTP API as OpenAPI, at /openapi/v1.json
        app.MapRazorComponents<Components.App>()
            .AddInteractiveWebAssemblyRenderMode()
            .AddAdditionalAssemblies(typeof(Client.ClientServices).Assembly);
        app.MapHub<RolePlayHub>(HubPath, connection =>
        {
            // Bounded per connection: what the server holds for a client that does not read (or for a client's
            // unread calls) stops at this much; a send to the network that cannot finish within the timeout closes
            // the connection (a slow reader is dropped, reconnects and rejoins its seat with the whole scene).
            connection.TransportMaxBufferSize = options.HubConnectionBufferBytes;
            connection.TransportSendTimeout = TimeSpan.FromMilliseconds(Math.Max(100, options.SlowReaderTimeoutMs));
            connection.ApplicationMaxBufferSize = Math.Max(options.HubConnectionBufferBytes, 2 * MaxHubMessageBytes);
        });
        app.MapHub<BaselineHub>(BaselineHubPath);
        AccessMap.WriteAtStart(app, typeof(RolePlayHub), typeof(BaselineHub));
        return app;
    }

    /// <summary>
    /// When the server has a public address (<c>RolePlay:PublicUrl</c>) and <c>AllowedHosts</c> is left at <c>*</c>, it
    /// answers only to that host and to this machine (localhost, 127.0.0.1, [::1]): a page that rebinds its own name to
    /// this server's address (DNS rebinding) is refused even though its Host and Origin agree. <c>AllowedHosts</c> set to
    /// anything else (a list separated by semicolons) is used as it is.
    /// </summary>
    private static void RestrictHostsToPublicUrl(WebApplicationBuilder builder, ServerOptions options)
    {
        var configured = builder.Configuration["AllowedHosts"];
        if ((string.IsNullOrWhiteSpace(configured) || configured.Trim() == "*")
            && Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var publicUrl))
        {
            builder.Services.PostConfigure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(hosts =>
                hosts.AllowedHosts = [publicUrl.IdnHost, "localhost", "127.0.0.1", "[::1]"]);
        }
    }

    private static void AddDatabase(WebApplicationBuilder builder, ServerOptions options)
    {
        var postgres = builder.Configuration.GetConnectionString("RolePlay");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            builder.Services.AddPooledDbContextFactory<PostgresRolePlayDb>(o => o.UseNpgsql(postgres));
            builder.Services.AddSingleton<IDbContextFactory<RolePlayDb>, RolePlayDbFactory<PostgresRolePlayDb>>();
            return;
        }

        var file = Path.Combine(options.DataDir, "roleplay.db");
        builder.Services.AddPooledDbContextFactory<SqliteRolePlayDb>(o => o
            .UseSqlite($"Data Source={file};Pooling=True")
            .AddInterceptors(new SqliteDurabilityInterceptor()));
        builder.Services.AddSingleton<IDbContextFactory<RolePlayDb>, RolePlayDbFactory<SqliteRolePlayDb>>();
    }
}
