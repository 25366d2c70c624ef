using WeClick.Losses;

namespace WeClick.Core.Tests.Losses;

/// <summary>L_KD (Eq. 4): both KL directions by hand, against F.kl_div(log_target=True) (Reference/losses.py), T scaling.</summary>
public sealed class DistillationLossTests
{
    // One pixel, 2 classes: p_S = (1/2, 1/2) from logits (0, 0); p_T = (3/4, 1/4) from logits (ln 3, 0).
    private static Tensor Student() => zeros(1, 2, 1, 1);
    private static Tensor Teacher(double scale = 1) => tensor(new float[] { (float)(scale * Math.Log(3)), 0 }, [1, 2, 1, 1]);

    [Fact]
    public void Forward_TeacherToStudentMatchesHand()
    {
        using var scope = NewDisposeScope();
        double expected = 0.75 * Math.Log(0.75 / 0.5) + 0.25 * Math.Log(0.25 / 0.5); // KL(p_T ‖ p_S)
        var loss = new DistillationLoss().Forward(Student(), Teacher());
        Assert.Equal(expected, loss.item<float>(), 6);
    }

    [Fact]
    public void Forward_StudentToTeacherMatchesHand()
    {
        using var scope = NewDisposeScope();
        double expected = 0.5 * Math.Log(0.5 / 0.75) + 0.5 * Math.Log(0.5 / 0.25); // KL(p_S ‖ p_T)
        var loss = new DistillationLoss(new DistillationSettings(Direction: KlDirection.StudentToTeacher)).Forward(Student(), Teacher());
        Assert.Equal(expected, loss.item<float>(), 6);
        Assert.NotEqual(0.75 * Math.Log(1.5) + 0.25 * Math.Log(0.5), expected, 3); // the directions really differ here
    }

    [Fact]
    public void Forward_TemperatureSoftensAndScalesByTSquared()
    {
        using var scope = NewDisposeScope();
        // Teacher logits (2 ln 3, 0) at T = 2 give p_T = (3/4, 1/4) again; student logits 0 stay uniform.
        double kl = 0.75 * Math.Log(1.5) + 0.25 * Math.Log(0.5);
        var scaled = new DistillationLoss(new DistillationSettings(Temperature: 2)).Forward(Student(), Teacher(2));
        Assert.Equal(4 * kl, scaled.item<float>(), 5);
        var plain = new DistillationLoss(new DistillationSettings(Temperature: 2, ScaleByTemperatureSquared: false)).Forward(Student(), Teacher(2));
        Assert.Equal(kl, plain.item<float>(), 6);
    }

    [Fact]
    public void Forward_MatchesPyTorchKlDiv()
    {
        var r = PyTorchReference.Generate("losses.py");
        using var scope = NewDisposeScope();
        foreach (var t in new[] { 1.0, 2.0 })
        {
            var name = $"kd.T{t}";
            var t2s = new DistillationLoss(new DistillationSettings(Temperature: t));
            var s2t = new DistillationLoss(new DistillationSettings(Temperature: t, Direction: KlDirection.StudentToTeacher));
            TensorAssert.Close(r[$"{name}.t2s"], t2s.Forward(r["kd.student"], r["kd.teacher"]), rtol: 1e-5, atol: 0);
            TensorAssert.Close(r[$"{name}.s2t"], s2t.Forward(r["kd.student"], r["kd.teacher"]), rtol: 1e-5, atol: 0);
            TensorAssert.Close(r[$"{name}.t2s.masked"], t2s.Forward(r["kd.student"], r["kd.teacher"], r["kd.mask"]), rtol: 1e-5, atol: 0);
        }
    }

    [Fact]
    public void Forward_TeacherIsDetachedAndEmptyMaskGivesZero()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var student = randn(1, 3, 2, 2).requires_grad_();
        var teacher = randn(1, 3, 2, 2).requires_grad_();
        var loss = new DistillationLoss().Forward(student, teacher);
        loss.backward();
        Assert.NotNull(student.grad);
        Assert.Null(teacher.grad);
        var empty = new DistillationLoss().Forward(student, teacher, zeros(1, 2, 2));
        Assert.Equal(0f, empty.item<float>());
    }

    [Fact]
    public void Settings_ThrowForNonPositiveTemperature()
    {
        var e = Assert.Throws<ArgumentException>(() => new DistillationLoss(new DistillationSettings(Temperature: 0)));
        Assert.Contains("Temperature", e.Message, StringComparison.Ordinal);
    }
}
