namespace WeClick.Data.Synthetic;

/// <summary>
/// The classes of the synthetic driving video: CamVid's eleven (algorithms.md §2.5) with label ids equal to
/// train ids, 255 = void (never drawn), and Cityscapes-style instance ids <c>classId·1000 + k</c> for the
/// instance classes car, pedestrian and bicyclist (algorithms.md §2.3).
/// </summary>
public static class SyntheticClasses
{
    /// <summary>Class id of sky.</summary>
    public const byte Sky = 0;
    /// <summary>Class id of building.</summary>
    public const byte Building = 1;
    /// <summary>Class id of pole.</summary>
    public const byte Pole = 2;
    /// <summary>Class id of road (lane markings included).</summary>
    public const byte Road = 3;
    /// <summary>Class id of sidewalk (CamVid's "pavement").</summary>
    public const byte Sidewalk = 4;
    /// <summary>Class id of vegetation (CamVid's "tree").</summary>
    public const byte Vegetation = 5;
    /// <summary>Class id of sign (CamVid's "sign symbol").</summary>
    public const byte Sign = 6;
    /// <summary>Class id of fence.</summary>
    public const byte Fence = 7;
    /// <summary>Class id of car (an instance class).</summary>
    public const byte Car = 8;
    /// <summary>Class id of pedestrian (an instance class).</summary>
    public const byte Pedestrian = 9;
    /// <summary>Class id of bicyclist, rider and bicycle together as in CamVid (an instance class).</summary>
    public const byte Bicyclist = 10;

    /// <summary>The ignore index (no synthetic pixel has it; kept for the dataset descriptor).</summary>
    public const int IgnoreIndex = 255;

    /// <summary>Multiplier of the Cityscapes instance convention: an instance pixel holds <c>classId·1000 + k</c>.</summary>
    public const int InstanceMultiplier = 1000;

    /// <summary>Class names, indexed by class id.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["sky", "building", "pole", "road", "sidewalk", "vegetation", "sign", "fence", "car", "pedestrian", "bicyclist"];

    /// <summary>The classes whose objects are instances (one click per instance, WeClick §4.2).</summary>
    public static IReadOnlyList<int> InstanceClasses { get; } = [Car, Pedestrian, Bicyclist];

    /// <summary>Number of classes (11).</summary>
    public static int Count => Names.Count;
}
