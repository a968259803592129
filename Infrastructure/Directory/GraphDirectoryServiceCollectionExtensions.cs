using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Infrastructure.GraphDirectory;

public static class GraphDirectoryServiceCollectionExtensions
{
    /// <summary>
    /// The Microsoft Graph directory reader (<see cref="IDirectorySource"/>), only when <c>Graph:ClientId</c> is configured;
    /// otherwise nothing is registered and the seeded directory stays the only one. Options are validated at start-up.
    /// </summary>
    public static IServiceCollection AddGraphDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(GraphDirectoryOptions.SectionName);
        if (string.IsNullOrWhiteSpace(section[nameof(GraphDirectoryOptions.ClientId)]))
        {
            return services;
        }

        services.AddOptions<GraphDirectoryOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphDirectoryOptions>, GraphDirectoryOptionsValidator>());
        services.TryAddSingleton<IDirectorySource, GraphDirectoryReader>();
        return services;
    }
}
