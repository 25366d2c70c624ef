namespace WeClick.Torch.Tests;

public class DisposeScopeTests
{
    [Fact]
    public void Scope_DisposesEveryTensorCreatedInside_IncludingTemporariesAndAliases()
    {
        Tensor a, b, temporary, gradAlias;
        var x = ones([3], requires_grad: true);
        using (var scope = NewDisposeScope())
        {
            a = zeros(2);
            b = a + 1;
            temporary = (b * 2).exp();
            (x * x).sum().backward();
            gradAlias = x.grad!;
            Assert.True(scope.Count >= 6);
        }
        Assert.True(a.IsDisposed);
        Assert.True(b.IsDisposed);
        Assert.True(temporary.IsDisposed);
        Assert.True(gradAlias.IsDisposed);
        Assert.False(x.IsDisposed);                       // created outside any scope
        using var grad = x.grad!;                         // the gradient itself lives on in x
        TensorAssert.Values([2, 2, 2], grad);
        x.Dispose();
    }

    [Fact]
    public void NestedScopes_DisposeOnlyTheirOwnTensors()
    {
        using var outer = NewDisposeScope();
        var kept = zeros(1);
        Tensor inner;
        using (var scope = NewDisposeScope())
        {
            Assert.Same(outer, scope.Outer);
            Assert.Same(scope, DisposeScope.Current);
            inner = ones(1);
        }
        Assert.Same(outer, DisposeScope.Current);
        Assert.True(inner.IsDisposed);
        Assert.False(kept.IsDisposed);
    }

    [Fact]
    public void MoveToOuterDisposeScope_KeepsATensorUntilTheOuterScopeEnds()
    {
        Tensor result;
        using (var outer = NewDisposeScope())
        {
            using (NewDisposeScope())
            {
                result = (ones(2) * 3).MoveToOuterDisposeScope();
            }
            Assert.False(result.IsDisposed);
            Assert.Same(outer, result.OwningDisposeScope);
            TensorAssert.Values([3, 3], result);
        }
        Assert.True(result.IsDisposed);
    }

    [Fact]
    public void DetachFromDisposeScope_LeavesTheTensorToTheCaller()
    {
        Tensor survivor;
        using (NewDisposeScope())
        {
            survivor = full([2], 5.0).DetachFromDisposeScope();
        }
        Assert.False(survivor.IsDisposed);
        Assert.Null(survivor.OwningDisposeScope);
        TensorAssert.Values([5, 5], survivor);
        survivor.Dispose();
        Assert.True(survivor.IsDisposed);
    }

    [Fact]
    public void DisposeEverythingBut_KeepsTheNamedTensorsInTheScope()
    {
        using var scope = NewDisposeScope();
        var keep = ones(1);
        var drop = zeros(1);
        scope.DisposeEverythingBut(keep);
        Assert.False(keep.IsDisposed);
        Assert.True(drop.IsDisposed);
        Assert.Equal(1, scope.Count);
    }

    [Fact]
    public void WrappedTensorDisposeScope_ReturnsOnlyTheResult()
    {
        Tensor? intermediate = null;
        var result = WrappedTensorDisposeScope(() =>
        {
            intermediate = arange(4).@float();
            return intermediate.mul(2).sum();
        });
        Assert.True(intermediate!.IsDisposed);
        Assert.Equal(12.0, result.item<double>());
        result.Dispose();
    }

    [Fact]
    public void ModuleParameters_SurviveTheScopeTheyWereCreatedIn()
    {
        Modules.Conv2d conv;
        using (NewDisposeScope())
        {
            conv = nn.Conv2d(1, 2, 3);
        }
        Assert.All(conv.parameters(), p => Assert.False(p.IsDisposed));
        conv.Dispose();
    }

    [Fact]
    public void Scopes_ArePerThread()
    {
        using var scope = NewDisposeScope();
        Tensor? fromOtherThread = null;
        var other = new Thread(() => fromOtherThread = zeros(1));
        other.Start();
        other.Join();
        Assert.Null(fromOtherThread!.OwningDisposeScope); // the other thread had no scope open
        Assert.Equal(0, scope.Count);
        fromOtherThread.Dispose();
    }
}
