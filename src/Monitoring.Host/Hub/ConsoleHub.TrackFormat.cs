namespace Monitoring.Host.Hub;

using Microsoft.AspNetCore.SignalR;
using Monitoring.Contracts.Hub;
using Monitoring.Contracts.Sectors;

/// <summary>
/// The connection's track format (<see cref="TrackFormats"/>), read once from <c>?trackFormat=</c> when it
/// connects. <see cref="TrackFormatGuard"/> has refused any other value before the connection was made.
/// </summary>
public sealed partial class ConsoleHub
{
    private const string TrackFormatItem = "trackFormat";

    private void RememberTrackFormat()
    {
        var asked = Context.GetHttpContext()?.Request.Query[TrackFormats.QueryParameter].ToString();
        Context.Items[TrackFormatItem] = TrackFormats.IsKnown(asked) ? asked : TrackFormats.Full;
    }

    private string TrackFormat => Context.Items[TrackFormatItem] as string ?? TrackFormats.Full;

    /// <summary>Joins a sector's group and its track group in this connection's format.</summary>
    private async Task JoinSectorAsync(string sectorId, string? drillId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, SectorKeys.HubGroup(sectorId, drillId));
        await Groups.AddToGroupAsync(Context.ConnectionId, SectorKeys.TrackGroup(sectorId, drillId, TrackFormat));
    }

    private async Task LeaveSectorAsync(string sectorId, string? drillId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, SectorKeys.HubGroup(sectorId, drillId));
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, SectorKeys.TrackGroup(sectorId, drillId, TrackFormat));
    }
}
