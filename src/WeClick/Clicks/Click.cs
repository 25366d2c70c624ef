namespace WeClick.Clicks;

/// <summary>
/// One simulated annotator click: a pixel of an object and the object's class (WeClick §4.2: "one click
/// per object"). Clicks are kept as points, not as a label image, so that geometric augmentation moves them
/// exactly (algorithms.md §2.4); <see cref="ClickMap.Rasterize"/> turns them into a sparse label afterwards.
/// </summary>
/// <param name="X">Column of the clicked pixel (0 = left).</param>
/// <param name="Y">Row of the clicked pixel (0 = top).</param>
/// <param name="ClassId">The trainId of the object (never the ignore index).</param>
/// <param name="InstanceId">
/// For an instance segment: its value in the instance map (Cityscapes <c>labelId·1000 + k</c>). For an object
/// found as a connected component (stuff, group regions, instance classes without an instance map): its
/// 1-based rank among the kept components of its class, ordered by (top row, left column, area, centroid),
/// so that it depends on the geometry only.
/// </param>
/// <param name="Area">The object's area in pixels (0 where unknown, e.g. after reading an old file).</param>
public sealed record Click(int X, int Y, int ClassId, int InstanceId, int Area = 0);
