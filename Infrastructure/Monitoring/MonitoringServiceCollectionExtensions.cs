using System.Text;
using HelpdeskBot.Domain.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Infrastructure.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>
    /// The checking engine: options (<c>Monitoring</c> section, validated at start), the inventory and state stores over the shared
    /// context, the four backup sources, the camera and service probes, and the use cases (<see cref="RunBackupChecks"/>,
    /// <see cref="RunCameraSweep"/>, <see cref="RunServiceChecks"/>, <see cref="GetMonitoringStatus"/>, <see cref="SetMonitoredTargetEnabled"/>)
    /// and the CSV import, all scoped.
    /// </summary>
    public static IServiceCollection AddMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        // Windows-1254 (Turkish ANSI) for CSV files and web pages that are not UTF-8.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<MonitoringOptions>().Bind(configuration.GetSection(MonitoringOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MonitoringOptions>, MonitoringOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<MonitoringOptions>>().Value.ToPolicy());

        services.TryAddScoped<IMonitoringInventory, EfMonitoringInventory>();
        services.TryAddScoped<IMonitorStateStore, EfMonitorStateStore>();

        services.TryAddSingleton<IProcessRunner, ProcessRunner>();
        services.TryAddSingleton<IMsdbHistoryReader, SqlClientMsdbHistoryReader>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBackupSource, ResticBackupSource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBackupSource, BorgBackupSource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBackupSource, FolderBackupSource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBackupSource, SqlServerBackupSource>());
        services.TryAddSingleton<PictureAnalyzer>();
        services.TryAddSingleton<ICameraProbe, CameraProbe>();
        services.TryAddSingleton<IServiceProbe, ServiceProbe>();

        services.TryAddScoped<MonitorRecorder>();
        services.TryAddScoped<RunBackupChecks>();
        services.TryAddScoped<RunCameraSweep>();
        services.TryAddScoped<RunServiceChecks>();
        services.TryAddScoped<GetMonitoringStatus>();
        services.TryAddScoped<SetMonitoredTargetEnabled>();
        services.TryAddScoped<InventoryCsvImporter>();
        return services;
    }
}
