namespace Monitoring.Host.Incidents;

using System.Globalization;
using Monitoring.Contracts.Incidents;
using Monitoring.Host.Problems;

/// <summary>
/// The query of GET /api/incidents: status and sector filter the list; limit, after and order (extension) cut a
/// page of it. Parsed here rather than bound as int/enum so that every bad value is a 400 naming its field.
/// </summary>
public sealed record IncidentListQuery(string? Status, string? Sector, int? Limit, string? After, bool NewestFirst)
{
    public const int MaxLimit = 1000;

    /// <summary>The query, or null with every field that is wrong (isSector: the MDL's sector list).</summary>
    public static IncidentListQuery? Parse(
        string? status, string? sector, string? limit, string? after, string? order, Func<string, bool> isSector, List<FieldError> errors)
    {
        if (status is not (null or IncidentStates.Open or IncidentStates.Closed))
        {
            errors.Add(new FieldError(null, "status", "must be open or closed"));
        }

        if (sector is not null && !isSector(sector))
        {
            errors.Add(new FieldError(null, "sector", $"{CallerValue.Quote(sector)} is not a sector"));
        }

        int? pageSize = null;
        if (limit is not null)
        {
            if (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                errors.Add(new FieldError(null, "limit", $"must be an integer from 1 to {MaxLimit}"));
            }
            else if (n is < 1 or > MaxLimit)
            {
                errors.Add(new FieldError(null, "limit", $"must be from 1 to {MaxLimit}"));
            }
            else
            {
                pageSize = n;
            }
        }

        // Whether it is an incident of this list is the index's to say (after: not an incident of this list).
        if (after is not null && !IncidentKeys.IsWellFormed(after))
        {
            errors.Add(new FieldError(null, "after", "must be an incident id such as S12-2026-0007"));
        }

        if (order is not (null or "asc" or "desc"))
        {
            errors.Add(new FieldError(null, "order", "must be asc or desc"));
        }

        return errors.Count > 0 ? null : new IncidentListQuery(status, sector, pageSize, after, order == "desc");
    }

    public IncidentPageQuery ToPageQuery() => new()
    {
        Open = Status is null ? null : Status == IncidentStates.Open,
        SectorId = Sector,
        After = After,
        Limit = Limit,
        NewestFirst = NewestFirst,
    };

    /// <summary>The next page's URL (path and query, relative to the host): the same filters, after the last id.</summary>
    public string NextPage(string path, string lastIncidentId)
    {
        var query = new List<string>();
        Add("status", Status);
        Add("sector", Sector);
        Add("order", NewestFirst ? "desc" : null);
        Add("limit", Limit?.ToString(CultureInfo.InvariantCulture));
        Add("after", lastIncidentId);
        return $"{path}?{string.Join('&', query)}";

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }
    }
}
