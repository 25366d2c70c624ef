namespace WeClick.Vision;

/// <summary>Presets of OpenCV's DIS optical flow (Kroeger et al. 2016), fastest to most accurate.</summary>
public enum DisPreset
{
    /// <summary>PRESET_ULTRAFAST.</summary>
    UltraFast = 0,
    /// <summary>PRESET_FAST.</summary>
    Fast = 1,
    /// <summary>PRESET_MEDIUM.</summary>
    Medium = 2,
}
