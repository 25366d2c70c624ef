namespace WeClick.Data;

/// <summary>
/// A labelled point — a click — in pixel coordinates of a clip's target frame (x = column, y = row; pixel centres at
/// integers). Clips keep clicks as points, not as a rasterised map, because augmentation moves points exactly while a
/// nearest-neighbour resize of a one-pixel map loses about 1 − s² of them at scale s (algorithms.md §2.4); they are
/// rasterised only after the geometric transform (<see cref="Clip.ClickMap"/>). The type is local to Data so that
/// datasets do not depend on <c>WeClick.Clicks</c>: a caller turns its clicks into points with one <c>Select</c>.
/// </summary>
/// <param name="X">Column (may be fractional after scaling).</param>
/// <param name="Y">Row.</param>
/// <param name="ClassId">The trainId of the clicked object.</param>
public readonly record struct PointLabel(double X, double Y, int ClassId);
