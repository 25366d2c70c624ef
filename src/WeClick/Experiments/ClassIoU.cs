namespace WeClick.Experiments;

/// <summary>The IoU of one class in a run's final evaluation (a row of <c>class_iou</c>).</summary>
/// <param name="ClassIndex">The train id.</param>
/// <param name="ClassName">The class's name.</param>
/// <param name="IoU">Intersection over union in [0, 1]; null when the class is absent from the split and never predicted.</param>
public sealed record ClassIoU(int ClassIndex, string ClassName, double? IoU);
