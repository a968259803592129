using HelpdeskBot.Domain.Monitoring;
using HelpdeskBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HelpdeskBot.Infrastructure.Monitoring;

internal sealed class EfMonitoringInventory(HelpdeskDbContext db) : IMonitoringInventory
{
    public async Task<IReadOnlyList<BackupTarget>> ListBackupTargetsAsync(bool enabledOnly, CancellationToken ct = default) =>
        await db.BackupTargets.Where(t => !enabledOnly || t.Enabled).OrderBy(t => t.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<Camera>> ListCamerasAsync(bool enabledOnly, CancellationToken ct = default) =>
        await db.Cameras.Where(c => !enabledOnly || c.Enabled).OrderBy(c => c.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<EBelediyeService>> ListServicesAsync(bool enabledOnly, CancellationToken ct = default) =>
        await db.EBelediyeServices.Where(s => !enabledOnly || s.Enabled).OrderBy(s => s.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<IMonitoredTarget>> ListAsync(MonitoringArea area, bool enabledOnly, CancellationToken ct = default) =>
        area switch
        {
            MonitoringArea.Backups => [.. await ListBackupTargetsAsync(enabledOnly, ct)],
            MonitoringArea.Cameras => [.. await ListCamerasAsync(enabledOnly, ct)],
            _ => [.. await ListServicesAsync(enabledOnly, ct)],
        };

    public async Task<IMonitoredTarget?> FindByNameAsync(MonitoringArea area, string name, CancellationToken ct = default) =>
        area switch
        {
            MonitoringArea.Backups => await db.BackupTargets.FirstOrDefaultAsync(t => t.Name == name, ct),
            MonitoringArea.Cameras => await db.Cameras.FirstOrDefaultAsync(c => c.Name == name, ct),
            _ => await db.EBelediyeServices.FirstOrDefaultAsync(s => s.Name == name, ct),
        };

    public void Add(BackupTarget target) => db.BackupTargets.Add(target);

    public void Add(Camera camera) => db.Cameras.Add(camera);

    public void Add(EBelediyeService service) => db.EBelediyeServices.Add(service);
}

internal sealed class EfMonitorStateStore(HelpdeskDbContext db) : IMonitorStateStore
{
    public async Task<IReadOnlyList<MonitorState>> ListAsync(MonitoringArea area, CancellationToken ct = default) =>
        await db.MonitorStates.Where(s => s.Area == area).ToListAsync(ct);

    public void Add(MonitorState state) => db.MonitorStates.Add(state);

    public void Add(MonitorCheck check) => db.MonitorChecks.Add(check);

    public async Task<IReadOnlyDictionary<int, Availability>> AvailabilityAsync(MonitoringArea area, DateTimeOffset since, CancellationToken ct = default)
    {
        var rows = await db.MonitorChecks.AsNoTracking()
            .Where(c => c.Area == area && c.CheckedAt >= since)
            .GroupBy(c => c.TargetId)
            .Select(g => new { TargetId = g.Key, Checks = g.Count(), Up = g.Count(c => c.IsUp) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.TargetId, r => new Availability(r.Checks, r.Up));
    }

    public Task<int> PurgeHistoryAsync(DateTimeOffset before, CancellationToken ct = default) =>
        db.MonitorChecks.Where(c => c.CheckedAt < before).ExecuteDeleteAsync(ct);
}
