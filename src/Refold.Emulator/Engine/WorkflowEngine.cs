using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Refold.Emulator.Core;
using Refold.Emulator.State;

namespace Refold.Emulator.Engine;

/// <summary>
/// Runs workflow executions and fires schedules on the emulator's <see cref="TimeProvider"/>. One timer is armed for
/// the earliest moment anything is due (an execution's next step, a schedule's next firing); when it fires, every due
/// item across all orgs is advanced (<see cref="Pump"/>). With a fake clock nothing moves until the test advances it,
/// and each step sees the clock at the moment it was due. State lives in the documents, so a restart carries on.
/// </summary>
internal sealed class WorkflowEngine : IHostedService, IDisposable
{
    /// <summary>How long a stop request stays STOPPING before the run is STOPPED (emulator time).</summary>
    public static readonly TimeSpan StopDelay = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan s_maxTimerDue = TimeSpan.FromHours(1);

    private readonly EmulatorState _state;
    private readonly EmulatorEvents _events;
    private readonly TimeProvider _time;
    private readonly ExecutionSteps _steps;
    private readonly ILogger<WorkflowEngine> _logger;
    private readonly Lock _pumpGate = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> _waiters = new(StringComparer.Ordinal);
    private ITimer? _timer;
    private bool _pumping;
    private bool _again;
    private bool _stopped;

    public WorkflowEngine(EmulatorState state, EmulatorEvents events, TimeProvider time, ILogger<WorkflowEngine> logger)
    {
        _state = state;
        _events = events;
        _time = time;
        _steps = new ExecutionSteps(state);
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Carry on with whatever was running or scheduled when the state was saved (or seeded).
        Pump();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_pumpGate)
        {
            _stopped = true;
            _timer?.Dispose();
        }

        foreach (var waiter in _waiters.Values)
        {
            waiter.TrySetCanceled(cancellationToken);
        }

        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();

    /// <summary>
    /// Stores a new RUNNING execution. A sync run takes its first steps at once (nodes without a duration finish
    /// inside this call); an async one is picked up by the engine's clock a moment later.
    /// </summary>
    public JsonObject Start(Partition partition, Executions.StartRequest request)
    {
        var executions = Executions.Of(partition);
        var id = executions.Insert(Executions.New(request, _time.GetUtcNow())).Str("_id")!;
        Pump(advanceNow: request.Sync);
        return executions.Get(id)!;
    }

    /// <summary>The execution once it is no longer RUNNING or STOPPING (at once if it already is).</summary>
    public async Task<JsonObject?> WhenFinishedAsync(Partition partition, string id, CancellationToken cancellationToken)
    {
        var key = Key(partition, id);
        var waiter = _waiters.GetOrAdd(key, _ => new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously));
        var current = Executions.Of(partition).Get(id);
        if (current is null || !Executions.IsActive(current.Str("status")))
        {
            _waiters.TryRemove(key, out _);
            return current;
        }

        return await waiter.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Asks a RUNNING execution to stop: it is STOPPING now and STOPPED <see cref="StopDelay"/> later. False when it is not running.</summary>
    public bool RequestStop(Partition partition, string id)
    {
        var wake = (_time.GetUtcNow() + StopDelay).ToUnixTimeMilliseconds();
        var changed = Executions.Of(partition).UpdateOne(
            e => Doc.Is(e, "_id", id) && e.Str("status") == Executions.Running,
            e =>
            {
                e["status"] = Executions.Stopping;
                if (e[Executions.EngineKey] is JsonObject engine)
                {
                    engine["wake_ms"] = wake;
                }
            });
        Pump();
        return changed is not null;
    }

    /// <summary>Makes the engine look at an execution now (e.g. its human task was answered).</summary>
    public void Wake(Partition partition, string id)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        Executions.Of(partition).UpdateOne(
            e => Doc.Is(e, "_id", id) && Executions.IsActive(e.Str("status")) && e[Executions.EngineKey] is JsonObject,
            e => e[Executions.EngineKey]!["wake_ms"] = now);
        Pump(advanceNow: true);
    }

    /// <summary>Advances everything due by now (when <paramref name="advanceNow"/>; the timer always does) and re-arms the timer.</summary>
    public void Pump(bool advanceNow = true)
    {
        var outbox = new List<EmulatorEvent>();
        var finished = new List<(string Key, JsonObject Execution)>();
        lock (_pumpGate)
        {
            if (_stopped)
            {
                return;
            }

            if (_pumping)
            {
                _again = true;
                return;
            }

            _pumping = true;
            try
            {
                do
                {
                    _again = false;
                    if (advanceNow)
                    {
                        AdvanceDue(outbox, finished);
                    }
                }
                while (_again);

                Arm();
            }
            catch (Exception e)
            {
                _logger.LogError(e, "The workflow engine failed a step");
            }
            finally
            {
                _pumping = false;
            }
        }

        foreach (var e in outbox)
        {
            _events.Publish(e);
        }

        foreach (var (key, execution) in finished)
        {
            if (_waiters.TryRemove(key, out var waiter))
            {
                waiter.TrySetResult(execution);
            }
        }

        _state.SaveIfChanged();
    }

    // Processes everything due up to now in time order, each at the moment it was due (a fake clock jumps straight to
    // the target time, so one pump may have to play several steps of several runs in sequence).
    private void AdvanceDue(List<EmulatorEvent> outbox, List<(string, JsonObject)> finished)
    {
        var limit = _time.GetUtcNow().ToUnixTimeMilliseconds();
        for (var rounds = 0; NextDueMs() is { } due && due <= limit; rounds++)
        {
            if (rounds == 1_000_000)
            {
                throw new InvalidOperationException("The workflow engine made no progress: an item stays due without changing.");
            }

            var at = DateTimeOffset.FromUnixTimeMilliseconds(due);
            foreach (var partition in _state.Partitions)
            {
                ScheduleFiring.FireDue(partition, at, _state);
                var executions = Executions.Of(partition);
                var ids = executions.Find(e => Executions.IsActive(e.Str("status")) && Executions.WakeMs(e) <= due)
                    .OrderBy(e => Executions.WakeMs(e))
                    .Select(e => e.Str("_id")!)
                    .ToList();
                foreach (var id in ids)
                {
                    _state.Atomically(() => Step(partition, executions, id, at, outbox, finished));
                }
            }
        }
    }

    private void Step(Partition partition, DocumentCollection executions, string id, DateTimeOffset at, List<EmulatorEvent> outbox, List<(string, JsonObject)> finished)
    {
        var execution = executions.Get(id);
        if (execution is null || !(Executions.WakeMs(execution) <= at.ToUnixTimeMilliseconds()))
        {
            return;
        }

        _steps.Advance(partition, execution, at, outbox);
        executions.Update(id, live =>
        {
            live.Clear();
            foreach (var (key, value) in execution)
            {
                live[key] = value?.DeepClone();
            }
        });
        if (!Executions.IsActive(execution.Str("status")))
        {
            finished.Add((Key(partition, id), executions.Get(id)!));
        }
    }

    // The earliest moment anything is due: an active execution's next step or a running schedule's next firing.
    private long? NextDueMs()
    {
        long? next = null;
        foreach (var partition in _state.Partitions)
        {
            foreach (var e in Executions.Of(partition).Find(e => Executions.IsActive(e.Str("status")) && Executions.WakeMs(e) is not null))
            {
                next = Math.Min(next ?? long.MaxValue, Executions.WakeMs(e)!.Value);
            }

            if (ScheduleFiring.NextDueMs(partition) is { } schedule)
            {
                next = Math.Min(next ?? long.MaxValue, schedule);
            }
        }

        return next;
    }

    // Arms the timer for the earliest due item (never with a zero due time: a fake clock would call back inline).
    private void Arm()
    {
        var next = NextDueMs();

        // A fresh one-shot timer each time: re-arming a one-shot timer from its own callback is not reliable on every clock.
        _timer?.Dispose();
        _timer = null;
        if (next is not { } wake)
        {
            return;
        }

        var due = TimeSpan.FromMilliseconds(Math.Max(1, wake - _time.GetUtcNow().ToUnixTimeMilliseconds()));
        _timer = _time.CreateTimer(_ => Pump(), null, due < s_maxTimerDue ? due : s_maxTimerDue, Timeout.InfiniteTimeSpan);
    }

    private static string Key(Partition partition, string id) => $"{partition.OrgId}:{partition.Environment}:{id}";
}
