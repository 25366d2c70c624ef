namespace WeClick.Data;

/// <summary>A dataset of clips: one per labelled frame, neighbours drawn anew on every call.</summary>
public interface IClipDataset
{
    /// <summary>A short name ("cityscapes/train", "camvid/val").</summary>
    string Name { get; }

    /// <summary>The number of labelled frames (clips).</summary>
    int Count { get; }

    /// <summary>The classes of the labels.</summary>
    ClassSet Classes { get; }

    /// <summary>The id of clip <paramref name="index"/> (e.g. "aachen_000000_000019"), without reading any file.</summary>
    string ItemName(int index);

    /// <summary>Reads clip <paramref name="index"/>; <paramref name="random"/> drives the neighbour sampling (seed it).</summary>
    /// <exception cref="FileNotFoundException">A frame, label or flow file is missing; the message names it.</exception>
    /// <exception cref="InvalidDataException">A label holds an id outside <see cref="Classes"/>, or the frames differ in size; the message names the file.</exception>
    Clip GetClip(int index, Random random);

    /// <summary>Reads clip <paramref name="index"/> with neighbours drawn from <c>new Random(seed)</c>.</summary>
    Clip GetClip(int index, int seed) => GetClip(index, new Random(seed));
}
