namespace WeClick.Vision;

/// <summary>Colour conversions (the values are OpenCV's <c>cv::ColorConversionCodes</c>).</summary>
public enum ColorConversion
{
    /// <summary>Swap the red and blue channels (either direction).</summary>
    RgbToBgr = 4,
    /// <summary>RGB to grey (ITU-R BT.601 weights).</summary>
    RgbToGray = 7,
    /// <summary>Grey to RGB (three equal channels).</summary>
    GrayToRgb = 8,
    /// <summary>RGB to HSV (uint8: H in [0, 180)).</summary>
    RgbToHsv = 41,
    /// <summary>HSV to RGB.</summary>
    HsvToRgb = 55,
}
