namespace Monitoring.Host.Tests.Incidents;

using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitoring.Contracts.Incidents;
using Orleans;

/// <summary>
/// One host per paging test class, holding 16 incidents opened in turn in S11, S09, S12, S10, S11, … (S09 and
/// S10 are the "-west" users' sectors, S11 and S12 are not), two per second of the fake clock: the two of a
/// second tie on openedAt and are ordered by id, so the list's order is neither the opening order nor the ids'
/// order. Two in three are closed (by hand). It records which incidents answer GetView, i.e. which a list wakes.
/// </summary>
public sealed class IncidentPagingHost : IAsyncLifetime
{
    public static readonly string[] Sectors = ["S11", "S09", "S12", "S10"];
    public static readonly string[] WestSectors = ["S09", "S10"];

    private readonly GetViewRecorder _views = new();
    private readonly List<IncidentView> _incidents = [];

    public IncidentHarness H { get; private set; } = null!;

    /// <summary>Every incident as it is now, in the list's order (openedAt, then id).</summary>
    public IReadOnlyList<IncidentView> Incidents => _incidents;

    /// <summary>The ids of the incidents whose GetView was called since the last <see cref="ResetWoken"/>.</summary>
    public IReadOnlyCollection<string> Woken => _views.Ids.ToArray();

    public void ResetWoken() => _views.Ids.Clear();

    public async Task InitializeAsync()
    {
        H = await IncidentHarness.StartAsync(services: s => s.TryAddEnumerable(ServiceDescriptor.Singleton<IIncomingGrainCallFilter>(_views)));
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-5);
        var opened = new List<IncidentView>();
        for (var i = 0; i < 16; i++)
        {
            var sector = H.Mdl.Sectors.Sectors.Single(s => s.SectorId == Sectors[i % Sectors.Length]);
            var (p, placed, sensor) = H.PlaceAt(((sector.StartM + sector.EndM) / 2) + (i * 10), 400);
            Assert.Equal(sector.SectorId, placed);
            await H.ReportAsync($"pg-{i}", sensor, p, t0, $"t-pg-{i}");
            opened.Add(await H.IncidentOfAsync(sector.SectorId, $"{sensor}/t-pg-{i}"));
            if (i % 2 == 1)
            {
                H.Advance(TimeSpan.FromSeconds(1));
            }
        }

        foreach (var (incident, i) in opened.Select((v, i) => (v, i)))
        {
            if (i % 3 != 1)
            {
                var closed = await H.AckAsync("duty1", incident.IncidentId, "resolve", "paging test: closed by hand");
                Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
            }
        }

        foreach (var incident in opened)
        {
            _incidents.Add(await H.GetAsync(incident.IncidentId));
        }

        _incidents.Sort((a, b) => a.OpenedAt.CompareTo(b.OpenedAt) is var byTime and not 0 ? byTime : string.CompareOrdinal(a.IncidentId, b.IncidentId));
    }

    public async Task DisposeAsync() => await H.DisposeAsync();

    /// <summary>Records the incident grains that answer GetView, as the silo receives the calls.</summary>
    private sealed class GetViewRecorder : IIncomingGrainCallFilter
    {
        public ConcurrentQueue<string> Ids { get; } = new();

        public async Task Invoke(IIncomingGrainCallContext context)
        {
            if (context.InterfaceMethod?.DeclaringType == typeof(IIncidentGrain)
                && context.InterfaceMethod.Name == nameof(IIncidentGrain.GetView)
                && context.Grain is IGrainBase grain)
            {
                Ids.Enqueue(grain.GrainContext.GrainId.Key.ToString()!);
            }

            await context.Invoke();
        }
    }
}
