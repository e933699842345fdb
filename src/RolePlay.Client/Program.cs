using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using RolePlay.Client;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.Services.AddRolePlayClient(new Uri(builder.HostEnvironment.BaseAddress));
await builder.Build().RunAsync().ConfigureAwait(false);
