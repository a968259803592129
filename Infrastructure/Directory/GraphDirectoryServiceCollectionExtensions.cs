using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Infrastructure.GraphDirectory;

public static class GraphDirectoryServiceCollectionExtensions
{
    /// <summary>
    /// The Microsoft Graph directory, only when <c>Graph:ClientId</c> is configured: the reader (<see cref="IDirectorySource"/>),
    /// the sync (<see cref="GraphDirectorySync"/>) and the first-contact refresher; with <c>Graph:TeamsAppCatalogId</c>
    /// too, the Teams app installer. Otherwise no Graph service is registered and the seeded (local) directory stays the
    /// only one. <see cref="IDirectoryRefresher"/> and <see cref="IPersonalChatInstaller"/> always resolve (no-ops without
    /// Graph). Options are validated at start-up.
    /// </summary>
    public static IServiceCollection AddGraphDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(GraphDirectoryOptions.SectionName);
        if (!string.IsNullOrWhiteSpace(section[nameof(GraphDirectoryOptions.ClientId)]))
        {
            services.AddOptions<GraphDirectoryOptions>().Bind(section).ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphDirectoryOptions>, GraphDirectoryOptionsValidator>());
            services.TryAddSingleton<GraphDirectoryReader>();
            services.TryAddSingleton<IDirectorySource>(sp => sp.GetRequiredService<GraphDirectoryReader>());
            services.TryAddScoped<GraphDirectorySync>();
            services.TryAddSingleton<IDirectoryRefresher, GraphDirectoryRefresher>();
            if (!string.IsNullOrWhiteSpace(section[nameof(GraphDirectoryOptions.TeamsAppCatalogId)]))
            {
                services.TryAddSingleton<IPersonalChatInstaller, GraphPersonalChatInstaller>();
            }
        }

        services.TryAddSingleton<IDirectoryRefresher, NoDirectoryRefresher>();
        services.TryAddSingleton<IPersonalChatInstaller, NoPersonalChatInstaller>();
        return services;
    }
}
