using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Sitrep.Web.Tests;

/// <summary>The dashboard host in memory over its own copy of the sample store.</summary>
public sealed class SitrepFactory : WebApplicationFactory<Program>
{
    public string DatabasePath { get; } = SampleStore.CreateCopy();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureServices(services => services.Configure<SitrepWebOptions>(options =>
        {
            options.Database = DatabasePath;
            options.MaxDocumentBytes = 256 * 1024;
        }));
    }
}
