namespace Monitoring.LoadTests.Scenarios;

using System.Net;
using System.Net.Http.Headers;
using Monitoring.LoadTests.Measurement;
using Monitoring.LoadTests.Workload;

/// <summary>
/// Open-loop, scheduled load (the wrk2 idea): batch k is due at k·(batch/rate) and is sent at that time
/// whatever earlier requests are doing, and its latency is measured from that due time. A host that
/// stalls therefore shows its stall in every request due meanwhile, instead of silently slowing the
/// generator down (coordinated omission). Requests beyond the in-flight cap are not sent and count as errors.
/// </summary>
public sealed class OpenLoopSender(HttpClient http, string sensorKey, WorkloadPlan plan, RunTimeline timeline, string run)
{
    private long _inFlight;
    private long _dropped;
    private long _crossings;
    private long _requests;
    private readonly Lock _errorGate = new();
    private readonly Dictionary<string, int> _errorKinds = new(StringComparer.Ordinal);

    public long Dropped => Interlocked.Read(ref _dropped);

    public long Crossings => Interlocked.Read(ref _crossings);

    public long Requests => Interlocked.Read(ref _requests);

    public long InFlight => Interlocked.Read(ref _inFlight);

    public IReadOnlyDictionary<string, int> ErrorKinds
    {
        get
        {
            lock (_errorGate)
            {
                return new Dictionary<string, int>(_errorKinds);
            }
        }
    }

    /// <summary>Sends for the given duration at the given rate, then waits (bounded) for the answers still out.</summary>
    public async Task RunAsync(double reportsPerSecond, int batch, double crossingShare, TimeSpan duration, long maxInFlight, CancellationToken cancellationToken)
    {
        // The schedule has a thread of its own: on a busy machine a timer's continuation waits for a pool thread,
        // and that wait would be charged to the request as if the host had taken it.
        var scheduled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Schedule(reportsPerSecond, batch, crossingShare, duration, maxInFlight, cancellationToken);
                scheduled.SetResult();
            }
            catch (Exception ex)
            {
                scheduled.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = "open-loop schedule",
        };
        thread.Start();
        await scheduled.Task;

        // Bounded drain: answers still out after 60 s are not waited for (the request timeout counts them as errors).
        var drainUntil = timeline.NowMicroseconds + 60_000_000;
        while (Interlocked.Read(ref _inFlight) > 0 && timeline.NowMicroseconds < drainUntil)
        {
            await Task.Delay(20, CancellationToken.None);
        }
    }

    private void Schedule(double reportsPerSecond, int batch, double crossingShare, TimeSpan duration, long maxInFlight, CancellationToken cancellationToken)
    {
        var intervalUs = batch * 1_000_000.0 / reportsPerSecond;
        var total = (long)Math.Floor(duration.TotalSeconds * reportsPerSecond / batch);
        var lane = 0;
        for (long k = 0; k < total && !cancellationToken.IsCancellationRequested; k++)
        {
            var due = (long)(k * intervalUs);
            for (var wait = due - timeline.NowMicroseconds; wait > 0 && !cancellationToken.IsCancellationRequested; wait = due - timeline.NowMicroseconds)
            {
                PreciseSleep.Microseconds(Math.Min(wait, 50_000)); // in slices, so a slow schedule still stops at once
            }

            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var bucket = timeline.At(due);
            Interlocked.Add(ref bucket.Sent, batch);
            if (Interlocked.Read(ref _inFlight) >= maxInFlight)
            {
                Interlocked.Increment(ref _dropped);
                Interlocked.Increment(ref bucket.Errors);
                Note("not sent: generator backlog over the in-flight cap");
                continue;
            }

            Interlocked.Increment(ref _inFlight);
            var target = plan.Lanes[lane];
            lane = (lane + 1) % plan.Lanes.Length;
            // Built and handed to the socket on this thread, so it leaves on time; the answer comes back on the pool.
            _ = SendAsync(target, k, due, batch, crossingShare, cancellationToken);
        }
    }

    private async Task SendAsync(SensorLane lane, long k, long due, int batch, double crossingShare, CancellationToken cancellationToken)
    {
        var ok = false;
        try
        {
            using var body = BatchBody.Write(lane, run, k, batch, due, crossingShare, DateTime.UtcNow);
            Interlocked.Add(ref _crossings, body.Crossings);
            using var content = new ByteArrayContent(body.Buffer, 0, body.Length);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports") { Content = content };
            request.Headers.Add("X-Api-Key", sensorKey);
            timeline.RecordSendLag(due);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            Interlocked.Increment(ref _requests);
            ok = response.StatusCode == HttpStatusCode.Accepted;
            if (!ok)
            {
                var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
                Note($"{(int)response.StatusCode}: {text[..Math.Min(text.Length, 200)]}");
            }
        }
        catch (Exception ex) // fire-and-forget: every failure is counted, none escapes
        {
            Note(ex.GetType().Name + ": " + ex.Message);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            timeline.RecordAccept(due, batch, ok);
        }
    }

    private void Note(string kind)
    {
        lock (_errorGate)
        {
            if (_errorKinds.Count < 20 || _errorKinds.ContainsKey(kind))
            {
                _errorKinds[kind] = _errorKinds.GetValueOrDefault(kind) + 1;
            }
        }
    }
}
