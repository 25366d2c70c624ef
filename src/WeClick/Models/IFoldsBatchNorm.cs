namespace WeClick.Models;

/// <summary>A module that can fold its own BatchNorm2d layers into the convolutions feeding them (<see cref="BatchNormFolding"/>).</summary>
internal interface IFoldsBatchNorm
{
    /// <summary>
    /// Folds the BatchNorm2d layers this module holds itself (not those of its children, which
    /// <see cref="BatchNormFolding.Fold"/> visits on their own) and drops them from its forward and its state dict.
    /// </summary>
    /// <returns>How many BatchNorm2d layers were folded (0 when already folded).</returns>
    int FoldBatchNorm();
}
