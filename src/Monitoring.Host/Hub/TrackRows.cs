namespace Monitoring.Host.Hub;

using System.Text.Json.Serialization;
using Monitoring.Contracts.Hub;

/// <summary>
/// The "compact" form of a sector's track push (<see cref="TrackFormats"/>): the push's wire shape is
/// written by <see cref="TrackRowsJsonConverter"/>, one array row per track under a header naming its fields.
/// </summary>
[JsonConverter(typeof(TrackRowsJsonConverter))]
public sealed record TrackRows(TrackBatch Batch);
