namespace WeClick.Core.Tests.Models.Backbones;

/// <summary>The test classes that share one run of backbones.py.</summary>
[CollectionDefinition(Name)]
public sealed class BackboneReferenceCollection : ICollectionFixture<BackboneReference>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "backbones.py";
}
