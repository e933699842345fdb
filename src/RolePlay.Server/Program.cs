using RolePlay.Server;

var app = RolePlayServer.Build(args);
await app.RunAsync();
