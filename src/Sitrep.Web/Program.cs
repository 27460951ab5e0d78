using Sitrep.Web;

// Standalone host: `dotnet Sitrep.Web.dll --Sitrep:Database sitrep.db --urls http://127.0.0.1:5080`.
var app = SitrepWebApp.Create(args);
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
