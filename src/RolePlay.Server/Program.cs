using RolePlay.Server;
using RolePlay.Server.Persistence;

WebApplication app;
try
{
    app = RolePlayServer.Build(args);
}
catch (DatabaseUpgradeException e)
{
    // Whoever starts the server needs what went wrong with the database and what to do, not a stack trace.
    Console.Error.WriteLine("RolePlay cannot start: " + e.Message);
    return 1;
}

await app.RunAsync();
return 0;
