using System.Diagnostics;
using TorchSharp;
using WeClick.Data;
using WeClick.Losses;
using WeClick.Models;
using static TorchSharp.torch;

namespace WeClick.Training;

/// <summary>
/// The optimisation loop shared by teacher and student (WeClick §4.1): SGD with momentum and weight decay, poly learning
/// rate per step (<see cref="PolySchedule"/>), an epoch-end checkpoint (atomic; resumable), validation every few epochs for the
/// curves, the handed-on weights (<c>best.safetensors</c>) as <see cref="ScheduleConfig.Selection"/> says (the last epoch's,
/// or the best validated one),
/// progress updates, and a stop with a clear error when a loss term turns NaN or infinite.
/// </summary>
/// <remarks>
/// Reproducibility: before step s the torch generator is reseeded from (seed, s) and the loader draws clips from (seed,
/// epoch, index), so a run resumed from its last checkpoint takes exactly the steps an uninterrupted run takes. A killed
/// run loses at most the epoch in progress. Memory: each step runs in its own dispose scope, so everything the forward and
/// backward passes create (activations, gradients' handles, loss terms) is freed at the step's end; only the parameters and
/// the optimiser's momentum buffers, created outside any step's scope, live on.
/// </remarks>
public static class TrainingLoop
{
    /// <summary>Trains <paramref name="model"/> for <paramref name="schedule"/>'s epochs (or what is left of them).</summary>
    /// <param name="role">Teacher or student (stored in checkpoints, reported in updates).</param>
    /// <param name="model">The network, on <see cref="TrainingRunOptions.Device"/>, in training mode for trainable parts.</param>
    /// <param name="loader">Batches of the training split (its seed should be the run's).</param>
    /// <param name="schedule">Learning rate, momentum, weight decay, poly power, epochs, validation interval.</param>
    /// <param name="step">Forward passes and loss of one batch.</param>
    /// <param name="options">Folder, seed, config text, observer, validation.</param>
    /// <exception cref="TrainingDivergedException">A loss term became NaN or infinite (named with the step).</exception>
    /// <exception cref="InvalidOperationException">The folder holds a checkpoint of another run (another config, role or seed).</exception>
    /// <exception cref="OperationCanceledException">The cancellation token fired (the last checkpoint stays).</exception>
    public static TrainingResult Run(TrainingRole role, Segmentor model, ClipLoader loader, ScheduleConfig schedule, ITrainingStep step, TrainingRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(options);
        var stepsPerEpoch = loader.BatchesPerEpoch;
        if (stepsPerEpoch < 1)
        {
            throw new ArgumentException(
                $"The training split '{loader.Dataset.Name}' has {loader.Dataset.Count} clips, fewer than one batch of {loader.Options.BatchSize}: lower the batch size.", nameof(loader));
        }
        var totalSteps = (long)schedule.Epochs * stepsPerEpoch;
        using var optimizer = CreateOptimizer(model, schedule);
        var state = new CheckpointState(role, model.Name, options.Seed, 0, 0, null, null, options.Config, []);
        var resumed = false;
        if (options.Resume && File.Exists(TrainingCheckpoint.LastPath(options.Folder)))
        {
            var saved = TrainingCheckpoint.ReadState(TrainingCheckpoint.LastPath(options.Folder));
            CheckSameRun(saved, state, options.Folder);
            state = TrainingCheckpoint.Load(options.Folder, model, optimizer);
            resumed = true;
        }
        double LearningRate(long s) => PolySchedule.LearningRate(s, schedule.LearningRate, totalSteps, schedule.PolyPower);
        var lastLearningRate = LearningRate(state.Step);
        IReadOnlyDictionary<string, double>? lastValidation = null;
        var clock = new Stopwatch();
        long stepsThisProcess = 0, framesThisProcess = 0;
        IReadOnlyDictionary<string, double> lastLosses = new Dictionary<string, double>();

        TrainingUpdate Update(TrainingUpdateKind kind, int epoch, IReadOnlyDictionary<string, double>? validation = null)
        {
            var seconds = clock.Elapsed.TotalSeconds;
            var perStep = stepsThisProcess > 0 ? seconds / stepsThisProcess : 0;
            return new TrainingUpdate(kind, role, epoch, schedule.Epochs, state.Step, totalSteps, lastLosses, lastLearningRate,
                seconds > 0 ? framesThisProcess / seconds : 0, TimeSpan.FromSeconds(perStep * (totalSteps - state.Step)), validation);
        }

        for (var epoch = state.EpochsDone + 1; epoch <= schedule.Epochs; epoch++)
        {
            model.train();
            foreach (var batch in loader.Epoch(epoch - 1))
            {
                using (batch)
                {
                    options.Cancellation.ThrowIfCancellationRequested();
                    clock.Start();
                    manual_seed(ClipLoader.ClipSeed(options.Seed, int.MaxValue, (int)state.Step));
                    lastLearningRate = LearningRate(state.Step);
                    PolySchedule.Apply(optimizer, lastLearningRate);
                    using (var scope = NewDisposeScope())
                    {
                        var terms = step.Run(model, batch);
                        var total = terms.Total.ToDouble(); // float32 on any device: ToDouble converts (item<double> would not)
                        var losses = new Dictionary<string, double>(terms.Parts) { ["total"] = total };
                        if (!double.IsFinite(total))
                        {
                            throw Diverged(role, epoch, state.Step + 1, losses, options.Folder, state.EpochsDone);
                        }
                        optimizer.zero_grad();
                        terms.Total.backward();
                        optimizer.step();
                        lastLosses = losses;
                    }
                    clock.Stop();
                    state = state with { Step = state.Step + 1 };
                    stepsThisProcess++;
                    framesThisProcess += batch.Images.size(0);
                    options.Observer?.Invoke(Update(TrainingUpdateKind.Step, epoch));
                }
            }
            state = state with { EpochsDone = epoch };
            var validate = options.Validate is not null && (epoch == schedule.Epochs || (schedule.EvaluateEvery > 0 && epoch % schedule.EvaluateEvery == 0));
            if (validate)
            {
                model.eval();
                lastValidation = options.Validate!(model);
                model.train();
                options.Observer?.Invoke(Update(TrainingUpdateKind.Validated, epoch, lastValidation));
                var miou = lastValidation.TryGetValue("mIoU", out var m) ? m : double.NaN;
                if (schedule.Selection == CheckpointSelection.Validation && (state.BestMetric is null || miou > state.BestMetric))
                {
                    state = state with { BestMetric = miou, BestEpoch = epoch };
                    TrainingCheckpoint.SaveBest(options.Folder, model, state);
                }
            }
            // Without selection the run hands on its last epoch (written once, at the end: a killed run redoes that epoch).
            if ((schedule.Selection == CheckpointSelection.Last || options.Validate is null) && epoch == schedule.Epochs)
            {
                var metric = lastValidation is not null && validate && lastValidation.TryGetValue("mIoU", out var last) ? last : (double?)null;
                state = state with { BestMetric = metric, BestEpoch = epoch };
                TrainingCheckpoint.SaveBest(options.Folder, model, state);
            }
            TrainingCheckpoint.Save(options.Folder, model, optimizer, state);
            options.Observer?.Invoke(Update(TrainingUpdateKind.EpochEnd, epoch));
        }
        options.Observer?.Invoke(Update(TrainingUpdateKind.Finished, schedule.Epochs, lastValidation));
        return new TrainingResult(state, options.Folder, lastValidation, clock.Elapsed.TotalSeconds, resumed);
    }

    /// <summary>
    /// SGD over the trainable parameters with the schedule's momentum and weight decay (WeClick §4.1: 0.9 and 1e-4); the
    /// rate is set per step by <see cref="PolySchedule"/>. Frozen parameters (requires_grad false) are left out.
    /// </summary>
    internal static optim.Optimizer CreateOptimizer(nn.Module model, ScheduleConfig schedule)
    {
        var parameters = model.parameters().Where(p => p.requires_grad).ToArray();
        return optim.SGD(parameters, schedule.LearningRate, momentum: schedule.Momentum, weight_decay: schedule.WeightDecay);
    }

    private static void CheckSameRun(CheckpointState saved, CheckpointState wanted, string folder)
    {
        string? difference = saved.Role != wanted.Role ? $"role {saved.Role}, not {wanted.Role}"
            : saved.Model != wanted.Model ? $"model {saved.Model}, not {wanted.Model}"
            : saved.Seed != wanted.Seed ? $"seed {saved.Seed}, not {wanted.Seed}"
            : saved.Config != wanted.Config ? "another config"
            : null;
        if (difference is not null)
        {
            throw new InvalidOperationException(
                $"'{TrainingCheckpoint.LastPath(folder)}' belongs to another run ({difference}): resume it with its own config, pick a new run folder, or start over (--restart).");
        }
    }

    private static TrainingDivergedException Diverged(TrainingRole role, int epoch, long step, IReadOnlyDictionary<string, double> losses, string folder, int epochsDone)
    {
        var bad = losses.Where(l => !double.IsFinite(l.Value) && l.Key != "total").Select(l => $"'{l.Key}' = {l.Value}").ToArray();
        var terms = bad.Length > 0 ? string.Join(", ", bad) : $"the total = {losses["total"]}";
        var kept = epochsDone > 0 ? $"the last good checkpoint (epoch {epochsDone}) is '{TrainingCheckpoint.LastPath(folder)}'" : "no checkpoint was written yet";
        return new TrainingDivergedException(
            $"{role} training diverged at step {step} (epoch {epoch}): loss term {terms}; {kept}. Try a lower learning rate (--set {(role == TrainingRole.Teacher ? "teacherSchedule" : "studentSchedule")}.learningRate=...).");
    }
}
