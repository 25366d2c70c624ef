namespace WeClick.Data.Synthetic;

/// <summary>Procedural surface patterns, evaluated in a layer's own coordinates (metres) so they move with it.</summary>
internal enum SurfacePattern
{
    /// <summary>The part's colour, unchanged.</summary>
    Flat,
    /// <summary>Colour × (1 ± amplitude) value noise; mild for paint and clothes.</summary>
    Noise,
    /// <summary>Zenith-to-horizon gradient with clouds (the sky plane).</summary>
    Sky,
    /// <summary>Plaster with noise and a grid of dark windows.</summary>
    Facade,
    /// <summary>Asphalt noise with dashed centre line and solid edge lines.</summary>
    Asphalt,
    /// <summary>Paving slabs: noise and a darker square grid.</summary>
    Paving,
    /// <summary>Strong two-octave noise (leaves).</summary>
    Foliage,
    /// <summary>Vertical wooden slats with dark gaps.</summary>
    Slats,
}
